/**
 * The request context every layer of the org reads (access checks, writes, queries, jobs). A leaf module
 * so the access layer (security.ts, shares.ts) does not import the write layer (dml.ts) to name it.
 */

/** Who is calling and how; carried through every handler so access checks can be added per request. */
export interface RequestContext {
  userId: string;
  apiVersion: string;
  now: Date;
}

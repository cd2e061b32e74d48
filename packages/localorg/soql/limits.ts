/**
 * SOQL statement limits the REST and Bulk query resources check before parsing. Salesforce documents a
 * maximum SOQL statement length of 100,000 characters ("SOQL and SOSL Limits for Search Queries",
 * salesforce_app_limits_cheatsheet); a longer statement is refused as MALFORMED_QUERY. The message follows
 * the platform's wording for this limit ("SOQL statements cannot be longer than N characters").
 *
 * SQLite has limits of its own that a legal-looking SOQL statement can still reach after the compiler has
 * kept clear of them (balanced AND/OR trees, long IN lists bound as one JSON array): expression depth,
 * bound variables, LIKE pattern length, tables in a join, compound SELECT terms. Those answer as Salesforce
 * answers a statement too complex for its own SQL: 400 QUERY_TOO_COMPLICATED (named in Salesforce's
 * "SOQL and SOSL Limits" page), never a 500.
 */
import { SalesforceError } from '../errors';

export const MAX_SOQL_LENGTH = 100_000;

/** Refuses a statement longer than Salesforce's 100,000-character limit with 400 MALFORMED_QUERY. */
export function assertSoqlLength(soql: string): void {
  if (soql.length > MAX_SOQL_LENGTH) {
    throw new SalesforceError(
      400,
      'MALFORMED_QUERY',
      `SOQL statements cannot be longer than ${MAX_SOQL_LENGTH} characters`,
    );
  }
}

/** SQLite's messages for its compile-time limits (sqlite3.c), matched on the error text. */
const SQLITE_LIMIT_MESSAGES = [
  /Expression tree is too large/i,
  /too many SQL variables/i,
  /LIKE or GLOB pattern too complex/i,
  /at most \d+ tables in a join/i,
  /too many terms in/i,
  /too many columns/i,
  /too many arguments on function/i,
  /parser stack overflow/i,
  /Recursion limit/i,
  /too many FROM clause terms/i,
  /string or blob too big/i,
];

/** Whether an error is SQLite (or the JavaScript stack) refusing a statement too large or too deep. */
export function isComplexityLimit(error: unknown): boolean {
  // Read by name, not instanceof: better-sqlite3 keeps the error class of the first context that loaded it
  // (a second jest test file in the same worker gets errors whose Error is another realm's).
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (typeof message !== 'string') return false;
  if (name === 'RangeError' && /call stack/i.test(message)) return true;
  return name === 'SqliteError' && SQLITE_LIMIT_MESSAGES.some((pattern) => pattern.test(message));
}

export const queryTooComplicated = (): SalesforceError =>
  new SalesforceError(
    400,
    'QUERY_TOO_COMPLICATED',
    'Query is too complicated. Please reduce the number of conditions, values or relationships in the query.',
  );

/**
 * The harness of the property-based fuzz tests (test/security/fuzz-*.test.ts): an org with an administrator
 * and a Standard User, raw HTTP requests (node's client: any path, header and body bytes jsforce would not
 * send), the rule every answer must follow, the bounded runner, and the arbitraries both suites draw on.
 *
 * Each answer must not be a 5xx, and every error must be Salesforce's `[{ message, errorCode }]` (OAuth
 * endpoints answer in OAuth's shape and are excepted). Afterwards the org must still answer.
 *
 * Bounded: each property stops after RUNS cases or its share of the time budget, whichever comes first.
 * `FUZZ_SEED=<n>` replays a run (the seed is printed with any counterexample); `FUZZ_RUNS` and
 * `FUZZ_BUDGET_MS` scale it up locally.
 */
import fc from 'fast-check';
import { request } from 'node:http';
import type { ObjectSchema } from '../../packages/localorg/schema';
import { API_VERSION, startTestOrg, type TestOrg } from './localorg';
import { createUser } from './security';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** The whole fuzz suite's budget, shared by its properties (in both files). */
export const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 20_000);
/** How many properties share the budget: one in fuzz-soql.test.ts, four in fuzz-requests.test.ts. */
const PROPERTIES = 5;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
export const V = `/services/data/v${API_VERSION}`;

export interface Answer {
  status: number;
  text: string;
}

export interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Which user: the administrator or the Standard User. */
  as: 'admin' | 'standard';
}

/** The org under fuzzing, once it is up. */
export interface FuzzOrg {
  t: TestOrg;
  tokens: Record<Sent['as'], string>;
  port: number;
  objects: ObjectSchema[];
  /** Ids of a few real records, to aim updates at. */
  ids: string[];
}

/** Starts the org before the file's tests and closes it after; the result reads the org once it is up. */
export function useFuzzOrg(): () => FuzzOrg {
  let org: FuzzOrg | undefined;
  beforeAll(async () => {
    // A long local run (FUZZ_BUDGET_MS) sends more than the default 15,000 API requests a day.
    const t = await startTestOrg({ apiDailyLimit: 10_000_000 });
    const standard = await createUser(t, { alias: 'fuzzstd' });
    const account = (await t.conn.sobject('Account').create({ Name: 'Fuzz', Partner_Type__c: 'Reseller' })).id!;
    const contact = (await t.conn.sobject('Contact').create({ LastName: 'Fuzz', AccountId: account })).id!;
    org = {
      t,
      tokens: { admin: t.org.accessToken, standard: standard.conn.accessToken! },
      port: Number(new URL(t.org.instanceUrl).port),
      objects: [...t.org.storage.schema.objects.values()],
      ids: [account, contact, t.org.adminUserId],
    };
  });
  afterAll(() => org?.t.close());
  return () => {
    if (!org) throw new Error('the fuzz org is not up yet');
    return org;
  };
}

/** One raw HTTP request (node's client: any path, header and body bytes jsforce would not send). */
export function send(org: FuzzOrg, sent: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${org.tokens[sent.as]}`, ...sent.headers };
    if (sent.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(sent.body));
    const req = request({ host: '127.0.0.1', port: org.port, method: sent.method, path: sent.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer in 15 s to ${sent.method} ${sent.path}`)));
    req.on('error', reject);
    if (sent.body !== undefined) req.write(sent.body);
    req.end();
  });
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) goes out as the bytes a careless
 * client would send for it, ED A0 80: invalid UTF-8 the server must answer cleanly.
 */
export function encodeHostile(text: string): string {
  return text
    .split(/([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/)
    .map((part, i) => (i % 2 === 1 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

/** What is wrong with an answer, or undefined when it is acceptable. */
function violation(sent: Sent, answer: Answer): string | undefined {
  if (answer.status >= 500) return `status ${answer.status}`;
  if (answer.status < 400) return subrequestViolation(answer);
  // OAuth endpoints answer OAuth's `{ error, error_description }`; HEAD answers carry no body.
  if (/^\/services\/oauth2\//i.test(sent.path) || sent.method === 'HEAD') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `error body is not JSON: ${JSON.stringify(answer.text.slice(0, 200))}`;
  }
  // sObject Tree reports record errors in its own documented shape: { hasErrors: true, results: [...] }.
  if (/\/composite\/tree\//i.test(sent.path) && (body as { hasErrors?: unknown } | null)?.hasErrors === true) {
    return undefined;
  }
  const shaped =
    Array.isArray(body) &&
    body.length > 0 &&
    body.every(
      (e: unknown) =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as { message?: unknown }).message === 'string' &&
        typeof (e as { errorCode?: unknown }).errorCode === 'string',
    );
  return shaped ? undefined : `error body is not [{ message, errorCode }]: ${answer.text.slice(0, 200)}`;
}

/** Composite answers 200 with a status and body per subrequest: the same rules apply to each. */
function subrequestViolation(answer: Answer): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return undefined;
  }
  const subs = (body as { compositeResponse?: unknown } | null)?.compositeResponse;
  if (!Array.isArray(subs)) return undefined;
  for (const sub of subs as { httpStatusCode: number; body: unknown }[]) {
    const problem = violation(
      { method: 'GET', path: '/services/data/subrequest', as: 'admin' },
      { status: sub.httpStatusCode, text: JSON.stringify(sub.body ?? null) },
    );
    if (problem) return `subrequest: ${problem}`;
  }
  return undefined;
}

/** Sends and checks one request; a violation fails the property with the request that caused it. */
export async function check(org: FuzzOrg, sent: Sent): Promise<void> {
  const answer = await send(org, sent);
  const problem = violation(sent, answer);
  if (problem) {
    const shown = { ...sent, body: typeof sent.body === 'string' ? sent.body.slice(0, 500) : sent.body };
    throw new Error(`${problem}\nrequest: ${JSON.stringify(shown).slice(0, 1500)}`);
  }
}

/** Runs one property within its bounds (RUNS cases or its share of the budget), then checks the org still answers. */
export async function run<T>(org: FuzzOrg, property: fc.IAsyncPropertyWithHooks<[T]>): Promise<void> {
  const started = Date.now();
  await fc.assert(property, {
    numRuns: RUNS,
    seed: SEED,
    endOnFailure: true,
    interruptAfterTimeLimit: BUDGET_MS / PROPERTIES,
    markInterruptAsFailure: false,
  });
  // The org still answers, and quickly, after each batch.
  const alive = await send(org, { method: 'GET', path: `${V}/limits`, as: 'admin' });
  expect(alive.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(BUDGET_MS / PROPERTIES + 30_000);
}

/** The arbitraries both suites use, built once the org is up (they draw on its schema). */
export function sharedArbitraries(org: FuzzOrg) {
  const user = fc.constantFrom<Sent['as']>('admin', 'standard');

  /** Text that is hard to handle: every unicode plane, lone surrogates, controls, quotes and escapes. */
  const oddText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom("'", "\\'", '\\', '%', '_', '\u0000', '\ud800', '\u202e', 'é', '😀', '\\u0000', '\\x', '\r\n'),
  );

  const objectArb = (): fc.Arbitrary<ObjectSchema> => fc.constantFrom(...org.objects);

  return { user, oddText, objectArb };
}

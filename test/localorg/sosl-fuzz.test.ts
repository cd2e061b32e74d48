/**
 * SOSL never fails with a 500 or hangs: random statements and search strings built from SOSL's keywords,
 * reserved characters and pieces of valid searches each answer 200 with `{ searchRecords }` or a 4xx with
 * Salesforce's error array, within a bounded time. Deterministic (seeded), bounded by count.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;

beforeAll(async () => {
  t = await startTestOrg();
  await t.conn.sobject('Account').create({ Name: 'Acme "Quoted" \\ Backslash (Parens) {Braces}', Phone: '555-0100' });
  await t.conn.sobject('Contact').create({ LastName: "O'Brien", Email: 'ob@acme.example' });
});
afterAll(() => t.close());

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'FIND',
  '{',
  '}',
  'acme',
  'Acme*',
  'ac?e',
  '"acme quoted"',
  'AND',
  'OR',
  'AND NOT',
  'NOT',
  '(',
  ')',
  '\\',
  '\\*',
  '*',
  '?',
  '-',
  '&',
  '|',
  '!',
  '[',
  ']',
  '^',
  '~',
  ':',
  "'",
  '+',
  'IN',
  'ALL',
  'NAME',
  'EMAIL',
  'PHONE',
  'FIELDS',
  'RETURNING',
  'Account',
  'Contact',
  'Nope__c',
  '(Name',
  'Name)',
  'Id,',
  'WHERE',
  "Name = 'x'",
  'ORDER BY Name',
  'LIMIT',
  '5',
  '-1',
  '99999999999',
  'OFFSET',
  ',',
  'WITH',
  'SPELL_CORRECTION',
  '=',
  'true',
  'USER_MODE',
  'é',
  '',
];

function statement(next: () => number): string {
  const count = Math.floor(next() * 8);
  const parts: string[] = next() < 0.6 ? ['FIND', '{acme}'] : [];
  for (let i = 0; i < count; i++) parts.push(PIECES[Math.floor(next() * PIECES.length)]);
  return parts.join(next() < 0.8 ? ' ' : '');
}

/** Checks one answer; returns its status. */
function checkAnswer(what: string, status: number, body: unknown): number {
  if (status === 200) {
    expect(Array.isArray((body as { searchRecords?: unknown }).searchRecords)).toBe(true);
    return status;
  }
  if (status < 400 || status >= 500) throw new Error(`${what} answered ${status}: ${JSON.stringify(body)}`);
  expect(body).toEqual([{ message: expect.any(String), errorCode: expect.any(String), fields: expect.any(Array) }]);
  return status;
}

it('random SOSL statements answer 200 or a Salesforce-shaped 4xx', async () => {
  const next = random(14);
  const started = Date.now();
  const statuses = new Set<number>();
  for (let i = 0; i < 300 && Date.now() - started < 60_000; i++) {
    const sosl = statement(next);
    const response = await rawRequest(t.conn, 'GET', dataPath(`/search?q=${encodeURIComponent(sosl)}`));
    statuses.add(checkAnswer(sosl, response.status, response.body));
  }
  // Both searches and refusals were exercised.
  expect([...statuses].sort()).toEqual([200, 400]);
}, 90_000);

it('random parameterizedSearch strings and parameters answer 200 or a Salesforce-shaped 4xx', async () => {
  const next = random(41);
  const started = Date.now();
  const statuses = new Set<number>();
  for (let i = 0; i < 200 && Date.now() - started < 60_000; i++) {
    const q = statement(next).replace(/^FIND \{acme\} ?/, '');
    const extra =
      next() < 0.5 ? `&sobject=Account&Account.fields=${encodeURIComponent(PIECES[i % PIECES.length])}` : '';
    const path = dataPath(`/parameterizedSearch?q=${encodeURIComponent(q)}${extra}`);
    const response = await rawRequest(t.conn, 'GET', path);
    statuses.add(checkAnswer(path, response.status, response.body));
  }
  expect([...statuses].sort()).toEqual([200, 400]);
}, 90_000);

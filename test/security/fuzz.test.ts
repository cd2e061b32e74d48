/**
 * Property-based fuzzing of the local org over real HTTP (fast-check): random SOQL (grammar-like, over the
 * org's real objects and fields, and pure garbage), random JSON bodies (valid, broken, deep, huge numbers,
 * odd unicode) for create, update, upsert, collections, composite and tree, random headers, and random URL
 * paths (percent-encoding, `..`, unicode), as the administrator and as a Standard User. Each answer must
 * not be a 5xx, and every error must be Salesforce's `[{ message, errorCode }]` (OAuth endpoints answer in
 * OAuth's shape and are excepted). Afterwards the org must still answer.
 *
 * Bounded: each property stops after RUNS cases or its share of the time budget, whichever comes first.
 * `FUZZ_SEED=<n>` replays a run (the seed is printed with any counterexample); `FUZZ_RUNS` and
 * `FUZZ_BUDGET_MS` scale it up locally.
 */
import fc from 'fast-check';
import { request } from 'node:http';
import type { ObjectSchema } from '../../packages/localorg/schema';
import { API_VERSION, startTestOrg, type TestOrg } from '../support/localorg';
import { createUser } from '../support/security';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** The whole suite's budget, shared by the properties below. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 20_000);
const PROPERTIES = 5;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const V = `/services/data/v${API_VERSION}`;

jest.setTimeout(BUDGET_MS + 60_000);

interface Answer {
  status: number;
  text: string;
}

interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Which user: the administrator or the Standard User. */
  as: 'admin' | 'standard';
}

let t: TestOrg;
let tokens: Record<Sent['as'], string>;
let port: number;
let objects: ObjectSchema[];
/** Ids of a few real records, to aim updates at. */
let ids: string[];

beforeAll(async () => {
  // A long local run (FUZZ_BUDGET_MS) sends more than the default 15,000 API requests a day.
  t = await startTestOrg({ apiDailyLimit: 10_000_000 });
  const standard = await createUser(t, { alias: 'fuzzstd' });
  tokens = { admin: t.org.accessToken, standard: standard.conn.accessToken! };
  port = Number(new URL(t.org.instanceUrl).port);
  objects = [...t.org.storage.schema.objects.values()];
  const account = (await t.conn.sobject('Account').create({ Name: 'Fuzz', Partner_Type__c: 'Reseller' })).id!;
  const contact = (await t.conn.sobject('Contact').create({ LastName: 'Fuzz', AccountId: account })).id!;
  ids = [account, contact, t.org.adminUserId];
  arb = arbitraries();
});
afterAll(() => t.close());

/** One raw HTTP request (node's client: any path, header and body bytes jsforce would not send). */
function send(sent: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${tokens[sent.as]}`, ...sent.headers };
    if (sent.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(sent.body));
    const req = request({ host: '127.0.0.1', port, method: sent.method, path: sent.path, headers }, (res) => {
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
function encodeHostile(text: string): string {
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
async function check(sent: Sent): Promise<void> {
  const answer = await send(sent);
  const problem = violation(sent, answer);
  if (problem) {
    const shown = { ...sent, body: typeof sent.body === 'string' ? sent.body.slice(0, 500) : sent.body };
    throw new Error(`${problem}\nrequest: ${JSON.stringify(shown).slice(0, 1500)}`);
  }
}

async function run<T>(property: fc.IAsyncPropertyWithHooks<[T]>): Promise<void> {
  const started = Date.now();
  await fc.assert(property, {
    numRuns: RUNS,
    seed: SEED,
    endOnFailure: true,
    interruptAfterTimeLimit: BUDGET_MS / PROPERTIES,
    markInterruptAsFailure: false,
  });
  // The org still answers, and quickly, after each batch.
  const alive = await send({ method: 'GET', path: `${V}/limits`, as: 'admin' });
  expect(alive.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(BUDGET_MS / PROPERTIES + 30_000);
}

// ---- arbitraries ----------------------------------------------------------------------------------------

/** The arbitraries, built once the org is up (they draw on its schema and records). */
function arbitraries() {
  const user = fc.constantFrom<Sent['as']>('admin', 'standard');

  /** Text that is hard to handle: every unicode plane, lone surrogates, controls, quotes and escapes. */
  const oddText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom("'", "\\'", '\\', '%', '_', '\u0000', '\ud800', '\u202e', 'é', '😀', '\\u0000', '\\x', '\r\n'),
  );

  const objectArb = (): fc.Arbitrary<ObjectSchema> => fc.constantFrom(...objects);

  const soqlLiteral = fc.oneof(
    oddText.map((s) => `'${s.replace(/'/g, "\\'")}'`),
    oddText.map((s) => `'${s}'`),
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.constantFrom('null', 'TRUE', 'false', '1e400', '99999999999999999999999', '-0', '.5', '0x10'),
    fc.constantFrom(
      'TODAY',
      'LAST_N_DAYS:3',
      'LAST_N_DAYS:99999999999',
      'NEXT_N_YEARS:2147483647',
      'THIS_FISCAL_QUARTER',
    ),
    fc.constantFrom(
      '2026-03-31',
      '0000-01-01',
      '9999-12-31',
      '2026-02-30',
      '2026-03-31T10:00:00Z',
      '2026-03-31T25:00:00Z',
    ),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().replace('.000', '')),
  );

  const operator = fc.constantFrom(
    '=',
    '!=',
    '<>',
    '<',
    '<=',
    '>',
    '>=',
    'LIKE',
    'IN',
    'NOT IN',
    'INCLUDES',
    'EXCLUDES',
  );

  /** SOQL built from the grammar over one real object: mostly valid, often subtly wrong. */
  const grammarSoql = objectArb().chain((obj) => {
    const names = [...obj.fields.keys()];
    const field = fc.oneof(
      fc.constantFrom(...names),
      fc.constantFrom(...[...obj.parents.values()].map((p) => `${p.name}.Name`), 'Id'),
      fc.constantFrom('Owner.Manager.Manager.Name', 'NoSuchField__c', 'Id.Id', ''),
    );
    const fn = fc.constantFrom(
      'COUNT',
      'MAX',
      'MIN',
      'SUM',
      'AVG',
      'COUNT_DISTINCT',
      'CALENDAR_YEAR',
      'DAY_ONLY',
      'FOO',
    );
    const selectItem = fc.oneof(
      { weight: 5, arbitrary: field },
      { weight: 1, arbitrary: fc.tuple(fn, field).map(([f, x]) => `${f}(${x})`) },
      { weight: 1, arbitrary: fc.constant('COUNT()') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...[...obj.children.values()].map((c) => `(SELECT Id FROM ${c.name})`), '(SELECT)'),
      },
    );
    const comparison = fc.oneof(
      fc.tuple(field, operator, soqlLiteral).map(([f, op, v]) => `${f} ${op} ${v}`),
      fc
        .tuple(field, fc.constantFrom('IN', 'NOT IN', 'INCLUDES'), fc.array(soqlLiteral, { maxLength: 30 }))
        .map(([f, op, vs]) => `${f} ${op} (${vs.join(', ')})`),
      fc.tuple(field, fc.constantFrom(...objects.map((o) => o.name))).map(([f, o]) => `${f} IN (SELECT Id FROM ${o})`),
    );
    const { condition } = fc.letrec<{ condition: string }>((tie) => ({
      condition: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { weight: 4, arbitrary: comparison },
        fc
          .tuple(tie('condition'), fc.constantFrom('AND', 'OR', 'and'), tie('condition'))
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
        tie('condition').map((c) => `NOT ${c}`),
        fc
          .tuple(fc.constantFrom('AND', 'OR'), fc.integer({ min: 2, max: 1500 }), comparison)
          .map(([op, n, c]) => `(${Array.from({ length: n }, () => c).join(` ${op} `)})`),
      ),
    }));
    return fc
      .record({
        select: fc.array(selectItem, { minLength: 1, maxLength: 6 }),
        where: fc.option(condition, { nil: undefined }),
        group: fc.option(fc.array(field, { minLength: 1, maxLength: 3 }), { nil: undefined }),
        order: fc.option(fc.tuple(field, fc.constantFrom('', 'ASC', 'DESC NULLS LAST')), { nil: undefined }),
        limit: fc.option(fc.oneof(fc.integer({ min: -5, max: 3000 }), fc.constant(2 ** 40)), { nil: undefined }),
        offset: fc.option(fc.integer({ min: -1, max: 5000 }), { nil: undefined }),
        extra: fc.constantFrom('', '', ' WITH SECURITY_ENFORCED', ' FOR UPDATE', ' USING SCOPE mine', ' ALL ROWS'),
      })
      .map(
        (q) =>
          `SELECT ${q.select.join(', ')} FROM ${obj.name}` +
          (q.where ? ` WHERE ${q.where}` : '') +
          q.extra +
          (q.group ? ` GROUP BY ${q.group.join(', ')}` : '') +
          (q.order ? ` ORDER BY ${q.order.join(' ')}` : '') +
          (q.limit !== undefined ? ` LIMIT ${q.limit}` : '') +
          (q.offset !== undefined ? ` OFFSET ${q.offset}` : ''),
      );
  });

  /** A literal of the field's own type, so that most of these queries reach the database. */
  const typedLiteral = (type: string): fc.Arbitrary<string> => {
    if (['Number', 'Currency', 'Percent', 'Summary'].includes(type)) return fc.integer().map(String);
    if (type === 'Checkbox') return fc.constantFrom('TRUE', 'FALSE');
    if (type === 'Date') return fc.constantFrom('2026-03-31', 'TODAY', 'LAST_N_DAYS:30', 'THIS_FISCAL_YEAR');
    if (type === 'DateTime') return fc.constantFrom('2026-03-31T10:00:00Z', 'YESTERDAY', 'NEXT_N_WEEKS:2');
    if (type === 'Lookup' || type === 'MasterDetail' || type === 'Id')
      return fc.constantFrom(...ids).map((id) => `'${id}'`);
    return oddText.map((text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
  };

  /** Valid SOQL of many terms: long AND/OR chains, long IN lists, nesting; these must all answer 200. */
  const validSoql = fc
    .constantFrom(...objects.filter((o) => ['Account', 'Contact', 'Opportunity', 'User'].includes(o.name)))
    .chain((obj) => {
      const fields = [...obj.fields.values()].filter(
        (f) =>
          f.model.formula === undefined && f.model.type !== 'LongTextArea' && f.model.type !== 'MultiselectPicklist',
      );
      const field = fc.constantFrom(...fields);
      const comparison = field.chain((f) =>
        fc.oneof(
          {
            weight: 4,
            arbitrary: fc
              .tuple(fc.constantFrom('=', '!=', '<', '>='), typedLiteral(f.model.type))
              .map(([op, v]) => `${f.name} ${op} ${v}`),
          },
          {
            weight: 1,
            arbitrary: fc
              .array(typedLiteral(f.model.type), { minLength: 1, maxLength: 20 })
              .map((vs) => `${f.name} IN (${vs.join(', ')})`),
          },
        ),
      );
      // Up to 4,000 terms (SQLite's depth limit is 1,000), or one IN list of up to 5,000 values.
      const chain = fc.oneof(
        fc
          .tuple(
            fc.constantFrom(' AND ', ' OR '),
            fc.array(comparison, { minLength: 1, maxLength: 40 }),
            fc.integer({ min: 1, max: 100 }),
          )
          .map(
            ([op, terms, repeat]) =>
              `(${Array.from({ length: repeat }, () => terms)
                .flat()
                .join(op)})`,
          ),
        field.chain((f) =>
          fc
            .array(typedLiteral(f.model.type), { minLength: 100, maxLength: 5000 })
            .map((vs) => `${f.name} ${vs.length % 2 ? 'NOT IN' : 'IN'} (${vs.join(',')})`),
        ),
      );
      return fc
        .tuple(chain, fc.option(chain, { nil: undefined }))
        .map(([a, b]) => `SELECT Id FROM ${obj.name} WHERE ${a}${b ? ` AND ${b}` : ''}`);
    });

  const garbageSoql = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
    fc
      .array(
        fc.constantFrom(
          'SELECT',
          'FROM',
          'WHERE',
          'Id',
          'Name',
          'Account',
          '(',
          ')',
          ',',
          "'",
          '=',
          'AND',
          ':x',
          '.',
          ' ',
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join(' ')),
    fc
      .integer({ min: 1, max: 6000 })
      .map((n) => `SELECT Id FROM Account WHERE ${'('.repeat(n)}Name = 'x'${')'.repeat(n)}`),
    fc.integer({ min: 1, max: 3000 }).map((n) => `SELECT Id FROM Account WHERE ${'NOT '.repeat(n)}Name = 'x'`),
  );

  /** JSON values: ordinary, huge numbers, odd strings, deep nesting. */
  const jsonValue = fc.oneof(
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 2, arbitrary: oddText },
    { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0.1 + 0.2, 1e-320) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('0000-01-01', '9999-12-31T23:59:59Z', '2026-02-29', '1700-01-01', 'TODAY'),
    },
    { weight: 1, arbitrary: fc.constantFrom(...ids, '001', '000000000000000AAA') },
  );

  const recordBody = objectArb().chain((obj) =>
    fc
      .dictionary(
        fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...obj.fields.keys()) },
          { weight: 1, arbitrary: fc.string() },
        ),
        jsonValue,
        { maxKeys: 6 },
      )
      .map((fields) => ({ obj: obj.name, fields })),
  );

  /** Request bodies as text: valid records, broken JSON, deep nesting, non-JSON bytes. */
  const bodyText = fc.oneof(
    { weight: 6, arbitrary: recordBody.map((r) => JSON.stringify(r.fields)) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    {
      weight: 1,
      arbitrary: recordBody.chain((r) => fc.nat({ max: 200 }).map((cut) => JSON.stringify(r.fields).slice(0, cut))),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
    { weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '{}', '"x"', '1e999', '{"a":1,}', '\ufeff{}') },
  );

  const contentType = fc.constantFrom(
    'application/json',
    'application/json; charset=UTF-8',
    'application/json; charset=latin1',
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    '',
  );

  return { user, objectArb, grammarSoql, validSoql, garbageSoql, recordBody, bodyText, contentType };
}

let arb: ReturnType<typeof arbitraries>;

// ---- properties ------------------------------------------------------------------------------------------

describe('fuzzing the org over HTTP', () => {
  it('SOQL: grammar-like over real objects and fields, and garbage, through query, queryAll and composite', () =>
    run(
      fc.asyncProperty(
        fc.record({
          soql: fc.oneof(
            { weight: 3, arbitrary: arb.grammarSoql },
            { weight: 2, arbitrary: arb.validSoql },
            { weight: 1, arbitrary: arb.garbageSoql },
          ),
          resource: fc.constantFrom('query', 'queryAll', 'composite'),
          as: arb.user,
        }),
        async ({ soql, resource, as }): Promise<void> => {
          const url = `${V}/${resource === 'queryAll' ? 'queryAll' : 'query'}?q=${encodeHostile(soql)}`;
          if (resource !== 'composite' && url.length < 8000) {
            await check({ method: 'GET', path: url, as });
            return;
          }
          // Long statements travel in a body, as Salesforce advises for SOQL longer than a URL.
          const body = JSON.stringify({ compositeRequest: [{ method: 'GET', referenceId: 'q', url }] });
          await check({
            method: 'POST',
            path: `${V}/composite`,
            headers: { 'Content-Type': 'application/json' },
            body,
            as,
          });
        },
      ),
    ));

  it('JSON bodies: create, update, upsert, collections, composite and tree', () =>
    run(
      fc.asyncProperty(
        fc.record({
          target: fc.constantFrom('create', 'update', 'upsert', 'collection', 'composite', 'tree'),
          obj: arb.objectArb().map((o) => o.name),
          id: fc.constantFrom(...ids),
          body: arb.bodyText,
          record: arb.recordBody,
          as: arb.user,
        }),
        async ({ target, obj, id, body, record, as }): Promise<void> => {
          const headers = { 'Content-Type': 'application/json' };
          const records = JSON.stringify({
            allOrNone: false,
            records: [{ attributes: { type: record.obj }, ...record.fields }],
          });
          const sent: Record<string, Omit<Sent, 'as'>> = {
            create: { method: 'POST', path: `${V}/sobjects/${obj}`, headers, body },
            update: { method: 'PATCH', path: `${V}/sobjects/${obj}/${id}`, headers, body },
            upsert: {
              method: 'PATCH',
              path: `${V}/sobjects/${obj}/External_Key__c/${encodeHostile(String(record.fields.Name ?? 'k'))}`,
              headers,
              body,
            },
            collection: {
              method: 'POST',
              path: `${V}/composite/sobjects`,
              headers,
              body: body.startsWith('{"allOrNone"') ? body : records,
            },
            composite: {
              method: 'POST',
              path: `${V}/composite`,
              headers,
              body: JSON.stringify({
                allOrNone: true,
                compositeRequest: [
                  { method: 'POST', url: `${V}/sobjects/${record.obj}`, referenceId: 'a', body: record.fields },
                  { method: 'PATCH', url: `${V}/sobjects/${obj}/@{a.id}`, referenceId: 'b', body: record.fields },
                ],
              }),
            },
            tree: {
              method: 'POST',
              path: `${V}/composite/tree/${record.obj}`,
              headers,
              body: JSON.stringify({
                records: [{ attributes: { type: record.obj, referenceId: 'r1' }, ...record.fields }],
              }),
            },
          };
          await check({ ...sent[target], as });
        },
      ),
    ));

  it('raw bodies with any content type on every writing endpoint', () =>
    run(
      fc.asyncProperty(
        fc.record({
          path: fc.constantFrom(
            `${V}/sobjects/Account`,
            `${V}/composite/sobjects`,
            `${V}/composite`,
            `${V}/composite/tree/Account`,
            `${V}/sobjects/Account/External_Key__c/x`,
          ),
          method: fc.constantFrom('POST', 'PATCH', 'PUT', 'DELETE'),
          type: arb.contentType,
          body: fc.oneof(
            arb.bodyText,
            fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
          ),
          as: arb.user,
        }),
        async ({ path, method, type, body, as }): Promise<void> => {
          await check({ method, path, headers: type ? { 'Content-Type': type } : {}, body, as });
        },
      ),
    ));

  it('headers: random names and values on reads and writes', () =>
    run(
      fc.asyncProperty(
        fc.record({
          path: fc.constantFrom(
            `${V}/sobjects/Account/${'001000000000000AAA'}`,
            `${V}/query?q=SELECT+Id+FROM+Account`,
            `${V}/limits`,
            `${V}/sobjects`,
          ),
          method: fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'PATCH'),
          headers: fc.dictionary(
            fc.oneof(
              fc.constantFrom(
                'If-Match',
                'If-None-Match',
                'If-Modified-Since',
                'If-Unmodified-Since',
                'Sforce-Query-Options',
                'Sforce-Call-Options',
                'Accept',
                'Accept-Encoding',
                'Content-Type',
                'X-PrettyPrint',
                'Authorization',
                'Origin',
                'Range',
              ),
              fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/),
            ),
            fc.oneof(
              fc.stringMatching(/^[\x20-\x7e]{0,80}$/),
              fc.constantFrom(
                'batchSize=1',
                'batchSize=-1',
                'batchSize=99999999999',
                '*',
                'W/"x"',
                'Bearer ',
                'Mon, 32 Foo 99999',
              ),
            ),
            { maxKeys: 5 },
          ),
          as: arb.user,
        }),
        async ({ path, method, headers, as }): Promise<void> => {
          const body = method === 'PATCH' ? '{"Name":"Header fuzz"}' : undefined;
          await check({ method, path, headers: { 'Content-Type': 'application/json', ...headers }, body, as });
        },
      ),
    ));

  it('URL paths: percent-encoding, .., unicode, odd versions and resources', () =>
    run(
      fc.asyncProperty(
        fc.record({
          segments: fc.array(
            fc.oneof(
              fc.constantFrom(
                'services',
                'data',
                `v${API_VERSION}`,
                'v0.1',
                'v999.0',
                'vx',
                'sobjects',
                'Account',
                'Plan_Target__c',
                'describe',
                'query',
                'queryAll',
                'composite',
                'tree',
                'jobs',
                'ingest',
                'limits',
                'oauth2',
                'token',
                'Id',
                'External_Key__c',
                '..',
                '.',
                '%2e%2e',
                '%2E%2e%2f',
                '%',
                '%zz',
                '%C3%A9',
                '%C3',
                '%ED%A0%80',
                '%00',
                '%2F',
                '',
                '001000000000000AAA',
                '01g000000000001AAA-2000',
              ),
              fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeHostile),
            ),
            { maxLength: 8 },
          ),
          query: fc.option(
            fc.oneof(
              fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeHostile),
              fc.constantFrom('q=', 'q=%', 'q=%ZZ', 'q=SELECT%20Id%20FROM%20Account&q=x', 'fields=Name,%00', 'ids=,,,'),
            ),
            { nil: undefined },
          ),
          method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT'),
          as: arb.user,
        }),
        async ({ segments, query, method, as }): Promise<void> => {
          const path = `/${segments.join('/')}${query === undefined ? '' : `?${query}`}`;
          const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
          await check({ method, path, headers: { 'Content-Type': 'application/json' }, body, as });
        },
      ),
    ));
});

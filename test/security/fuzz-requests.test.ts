/**
 * Property-based fuzzing of the local org's request handling over real HTTP (fast-check): random JSON bodies
 * (valid, broken, deep, huge numbers, odd unicode) for create, update, upsert, collections, composite and
 * tree, raw bodies with any content type, random headers, and random URL paths (percent-encoding, `..`,
 * unicode), as the administrator and as a Standard User. The rules every answer must follow, and the bounds
 * of each run, are in test/support/fuzz.ts; fuzz-soql.test.ts fuzzes queries.
 */
import fc from 'fast-check';
import {
  BUDGET_MS,
  check,
  encodeHostile,
  run,
  sharedArbitraries,
  useFuzzOrg,
  V,
  type FuzzOrg,
  type Sent,
} from '../support/fuzz';
import { API_VERSION } from '../support/localorg';

jest.setTimeout(BUDGET_MS + 60_000);

const fuzzOrg = useFuzzOrg();
let org: FuzzOrg;
let arb: ReturnType<typeof arbitraries>;

beforeAll(() => {
  org = fuzzOrg();
  arb = arbitraries(org);
});

// ---- arbitraries ----------------------------------------------------------------------------------------

/** The request arbitraries, built once the org is up (they draw on its schema and records). */
function arbitraries(org: FuzzOrg) {
  const { user, oddText, objectArb } = sharedArbitraries(org);

  /** JSON values: ordinary, huge numbers, odd strings, deep nesting. */
  const jsonValue = fc.oneof(
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 2, arbitrary: oddText },
    { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0.1 + 0.2, 1e-320) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('0000-01-01', '9999-12-31T23:59:59Z', '2026-02-29', '1700-01-01', 'TODAY'),
    },
    { weight: 1, arbitrary: fc.constantFrom(...org.ids, '001', '000000000000000AAA') },
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

  return { user, objectArb, recordBody, bodyText, contentType };
}

// ---- properties ------------------------------------------------------------------------------------------

describe('fuzzing the org over HTTP', () => {
  it('JSON bodies: create, update, upsert, collections, composite and tree', () =>
    run(
      org,
      fc.asyncProperty(
        fc.record({
          target: fc.constantFrom('create', 'update', 'upsert', 'collection', 'composite', 'tree'),
          obj: arb.objectArb().map((o) => o.name),
          id: fc.constantFrom(...org.ids),
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
          await check(org, { ...sent[target], as });
        },
      ),
    ));

  it('raw bodies with any content type on every writing endpoint', () =>
    run(
      org,
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
          await check(org, { method, path, headers: type ? { 'Content-Type': type } : {}, body, as });
        },
      ),
    ));

  it('headers: random names and values on reads and writes', () =>
    run(
      org,
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
          await check(org, { method, path, headers: { 'Content-Type': 'application/json', ...headers }, body, as });
        },
      ),
    ));

  it('URL paths: percent-encoding, .., unicode, odd versions and resources', () =>
    run(
      org,
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
          await check(org, { method, path, headers: { 'Content-Type': 'application/json' }, body, as });
        },
      ),
    ));
});

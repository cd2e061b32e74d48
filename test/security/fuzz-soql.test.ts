/**
 * Property-based fuzzing of the local org's SOQL over real HTTP (fast-check): grammar-like queries over the
 * org's real objects and fields (mostly valid, often subtly wrong), long valid queries (AND/OR chains, long IN
 * lists) and pure garbage, through query, queryAll and composite, as the administrator and as a Standard
 * User. The rules every answer must follow, and the bounds of each run, are in test/support/fuzz.ts;
 * fuzz-requests.test.ts fuzzes bodies, headers and paths.
 */
import fc from 'fast-check';
import { BUDGET_MS, check, encodeHostile, run, sharedArbitraries, useFuzzOrg, V, type FuzzOrg } from '../support/fuzz';

jest.setTimeout(BUDGET_MS + 60_000);

const fuzzOrg = useFuzzOrg();
let org: FuzzOrg;
let arb: ReturnType<typeof arbitraries>;

beforeAll(() => {
  org = fuzzOrg();
  arb = arbitraries(org);
});

// ---- arbitraries ----------------------------------------------------------------------------------------

/** The SOQL arbitraries, built once the org is up (they draw on its schema and records). */
function arbitraries(org: FuzzOrg) {
  const { user, oddText, objectArb } = sharedArbitraries(org);

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
      fc
        .tuple(field, fc.constantFrom(...org.objects.map((o) => o.name)))
        .map(([f, o]) => `${f} IN (SELECT Id FROM ${o})`),
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
      return fc.constantFrom(...org.ids).map((id) => `'${id}'`);
    return oddText.map((text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
  };

  /** Valid SOQL of many terms: long AND/OR chains, long IN lists, nesting; these must all answer 200. */
  const validSoql = fc
    .constantFrom(...org.objects.filter((o) => ['Account', 'Contact', 'Opportunity', 'User'].includes(o.name)))
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

  return { user, grammarSoql, validSoql, garbageSoql };
}

// ---- properties ------------------------------------------------------------------------------------------

describe('fuzzing the org over HTTP', () => {
  it('SOQL: grammar-like over real objects and fields, and garbage, through query, queryAll and composite', () =>
    run(
      org,
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
            await check(org, { method: 'GET', path: url, as });
            return;
          }
          // Long statements travel in a body, as Salesforce advises for SOQL longer than a URL.
          const body = JSON.stringify({ compositeRequest: [{ method: 'GET', referenceId: 'q', url }] });
          await check(org, {
            method: 'POST',
            path: `${V}/composite`,
            headers: { 'Content-Type': 'application/json' },
            body,
            as,
          });
        },
      ),
    ));
});

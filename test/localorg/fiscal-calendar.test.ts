/**
 * The org's fiscal calendar: Organization's start month and naming, FiscalYearSettings and Period rows, and
 * the FISCAL_* functions and literals over a standard year from April (named by its start or its end) and a
 * custom 4-4-5 year. `now` is 31 March 2026; expected values are worked out by hand below.
 */
import { ensurePlatformRecords } from '../../packages/localorg/platform';
import type { CustomFiscalYearSpec } from '../../packages/localorg/fiscal';
import { apiError, startTestOrg, type TestOrg } from '../support/localorg';
import { createUser } from '../support/security';
import { NOW, SoqlOrg } from '../support/soql-fixtures';

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** A 4-4-5 year of twelve periods from `start` (a Sunday): 4, 4 and 5 weeks a quarter, 364 days. */
function fourFourFive(year: number, start: string): CustomFiscalYearSpec {
  const periods: { start: string; end: string }[] = [];
  let next = start;
  for (let i = 0; i < 12; i++) {
    const days = (i % 3 === 2 ? 5 : 4) * 7;
    periods.push({ start: next, end: addDays(next, days - 1) });
    next = addDays(next, days);
  }
  return { year, periods };
}

/** An org in memory whose platform records follow `options`, with one opportunity closing on each of `days`. */
function orgWith(
  options: { fiscalYearStartMonth: number; fiscalYearNameStart?: boolean; customFiscalYears?: CustomFiscalYearSpec[] },
  days: string[],
): { org: SoqlOrg; value: (fn: string, day: string) => unknown; range: (literal: string) => [unknown, unknown] } {
  const org = new SoqlOrg();
  ensurePlatformRecords(org.storage, { ...options, now: NOW });
  for (const day of days) org.insert('Opportunity', { Name: day, CloseDate: day, StageName: 'Prospecting' });
  const queryOptions = { fiscalYearStartMonth: options.fiscalYearStartMonth };
  return {
    org,
    value: (fn, day) => {
      const [row] = org.records(`SELECT ${fn} v FROM Opportunity WHERE Name = '${day}' GROUP BY ${fn}`, queryOptions);
      // The same value filters in WHERE.
      expect(org.column(`SELECT Name FROM Opportunity WHERE ${fn} = ${String(row.v)}`, 'Name', queryOptions)).toContain(
        day,
      );
      return row.v;
    },
    range: (literal) => {
      const names = org.column(
        `SELECT Name FROM Opportunity WHERE CloseDate = ${literal} ORDER BY CloseDate`,
        'Name',
        queryOptions,
      );
      return [names[0], names[names.length - 1]];
    },
  };
}

/** Every day from 2024-01-01 to 2028-12-31. */
const EVERY_DAY = Array.from({ length: 1827 }, (_, i) => addDays('2024-01-01', i));

describe('a standard fiscal year from April', () => {
  const byStart = orgWith({ fiscalYearStartMonth: 4, fiscalYearNameStart: true }, EVERY_DAY);
  const byEnd = orgWith({ fiscalYearStartMonth: 4 }, EVERY_DAY);

  it.each([
    // Named by its start: 2026-04-01 to 2027-03-31 is FY2026; by its end it is FY2027.
    ['FISCAL_YEAR(CloseDate)', '2026-04-01', 2026, 2027],
    ['FISCAL_YEAR(CloseDate)', '2027-03-31', 2026, 2027],
    ['FISCAL_YEAR(CloseDate)', '2026-03-31', 2025, 2026],
    ['FISCAL_QUARTER(CloseDate)', '2026-04-01', 1, 1],
    ['FISCAL_QUARTER(CloseDate)', '2027-01-15', 4, 4],
    ['FISCAL_MONTH(CloseDate)', '2026-04-01', 1, 1],
    ['FISCAL_MONTH(CloseDate)', '2026-03-31', 12, 12],
  ])('%s of %s is %p named by start, %p by end', (fn, day, start, end) => {
    expect(byStart.value(fn, day)).toBe(start);
    expect(byEnd.value(fn, day)).toBe(end);
  });

  it.each([
    ['THIS_FISCAL_YEAR', '2025-04-01', '2026-03-31'],
    ['NEXT_FISCAL_YEAR', '2026-04-01', '2027-03-31'],
    ['THIS_FISCAL_QUARTER', '2026-01-01', '2026-03-31'],
    ['LAST_N_FISCAL_QUARTERS:2', '2025-07-01', '2025-12-31'],
  ])('%s covers %s to %s whatever the naming', (literal, first, last) => {
    expect(byStart.range(literal)).toEqual([first, last]);
    expect(byEnd.range(literal)).toEqual([first, last]);
  });

  it('the Organization row says how years are named', () => {
    const query = 'SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName FROM Organization';
    expect(byStart.org.records(query)).toEqual([
      expect.objectContaining({ FiscalYearStartMonth: 4, UsesStartDateAsFiscalYearName: true }),
    ]);
    expect(byEnd.org.records(query)).toEqual([
      expect.objectContaining({ FiscalYearStartMonth: 4, UsesStartDateAsFiscalYearName: false }),
    ]);
  });

  it('has Period rows for the standard years around today, labelled by the naming, and no FiscalYearSettings', () => {
    const year =
      "SELECT StartDate, EndDate, FullyQualifiedLabel FROM Period WHERE Type = 'Year' AND StartDate = 2026-04-01";
    expect(byStart.org.records(year)).toEqual([
      expect.objectContaining({ StartDate: '2026-04-01', EndDate: '2027-03-31', FullyQualifiedLabel: 'FY 2026' }),
    ]);
    expect(byEnd.org.records(year)[0]).toMatchObject({ FullyQualifiedLabel: 'FY 2027' });
    const quarters = byStart.org.records(
      "SELECT Number, StartDate, EndDate FROM Period WHERE Type = 'Quarter' AND StartDate >= 2026-04-01 AND EndDate <= 2027-03-31 ORDER BY StartDate",
    );
    expect(quarters.map((q) => [q.Number, q.StartDate, q.EndDate])).toEqual([
      [1, '2026-04-01', '2026-06-30'],
      [2, '2026-07-01', '2026-09-30'],
      [3, '2026-10-01', '2026-12-31'],
      [4, '2027-01-01', '2027-03-31'],
    ]);
    const month = byStart.org.records(
      "SELECT Number, FullyQualifiedLabel FROM Period WHERE Type = 'Month' AND StartDate = 2026-09-01",
    );
    expect(month[0]).toMatchObject({ Number: 6, FullyQualifiedLabel: 'September FY 2026' });
    // Eleven years (today's, five before and five after), each a year, four quarters and twelve months.
    expect(byStart.org.query('SELECT Id FROM Period').totalSize).toBe(11 * 17);
    expect(byStart.org.query('SELECT Id FROM Period WHERE FiscalYearSettingsId != null').totalSize).toBe(0);
    expect(byStart.org.query('SELECT Id FROM FiscalYearSettings').totalSize).toBe(0);
  });
});

describe('a custom 4-4-5 fiscal year', () => {
  // FY2027 runs from Sunday 2026-03-29 to Saturday 2027-03-27; dates outside it follow the April standard year.
  const custom = [fourFourFive(2027, '2026-03-29')];
  const o = orgWith({ fiscalYearStartMonth: 4, customFiscalYears: custom }, EVERY_DAY);

  it.each([
    ['FISCAL_YEAR(CloseDate)', '2026-03-29', 2027],
    ['FISCAL_YEAR(CloseDate)', '2027-03-27', 2027],
    ['FISCAL_YEAR(CloseDate)', '2026-03-28', 2026],
    // Quarter 2 starts after 13 weeks (91 days).
    ['FISCAL_QUARTER(CloseDate)', '2026-06-27', 1],
    ['FISCAL_QUARTER(CloseDate)', '2026-06-28', 2],
    // Period 2 starts after 4 weeks; period 3 (5 weeks) ends the quarter.
    ['FISCAL_MONTH(CloseDate)', '2026-04-25', 1],
    ['FISCAL_MONTH(CloseDate)', '2026-04-26', 2],
    ['FISCAL_MONTH(CloseDate)', '2026-06-27', 3],
  ])('%s of %s is %p', (fn, day, expected) => {
    expect(o.value(fn, day)).toBe(expected);
  });

  it.each([
    ['THIS_FISCAL_YEAR', '2026-03-29', '2027-03-27'],
    ['THIS_FISCAL_QUARTER', '2026-03-29', '2026-06-27'],
    ['NEXT_FISCAL_QUARTER', '2026-06-28', '2026-09-26'],
    ['NEXT_N_FISCAL_QUARTERS:3', '2026-06-28', '2027-03-27'],
    // Before the custom year: the standard quarter January-March 2026, up to the day the custom year begins.
    ['LAST_FISCAL_QUARTER', '2026-01-01', '2026-03-28'],
  ])('%s covers %s to %s', (literal, first, last) => {
    expect(o.range(literal)).toEqual([first, last]);
  });

  it('writes a FiscalYearSettings row and its Period rows', () => {
    const [settings] = o.org.records(
      'SELECT Id, Name, StartDate, EndDate, IsStandardYear, YearType, Period.Type, Period.StartDate FROM FiscalYearSettings',
    );
    expect(settings).toMatchObject({
      Name: '2027',
      StartDate: '2026-03-29',
      EndDate: '2027-03-27',
      IsStandardYear: false,
      YearType: 'Custom',
      Period: expect.objectContaining({ Type: 'Year', StartDate: '2026-03-29' }),
    });
    const periods = o.org.records(
      `SELECT Type, Number, StartDate, EndDate, FullyQualifiedLabel FROM Period WHERE FiscalYearSettingsId = '${String(settings.Id)}' AND Type != 'Month' ORDER BY StartDate, Type DESC`,
    );
    expect(periods.map((p) => [p.Type, p.Number, p.StartDate, p.EndDate, p.FullyQualifiedLabel])).toEqual([
      ['Year', null, '2026-03-29', '2027-03-27', 'FY 2027'],
      ['Quarter', 1, '2026-03-29', '2026-06-27', 'Q1 FY 2027'],
      ['Quarter', 2, '2026-06-28', '2026-09-26', 'Q2 FY 2027'],
      ['Quarter', 3, '2026-09-27', '2026-12-26', 'Q3 FY 2027'],
      ['Quarter', 4, '2026-12-27', '2027-03-27', 'Q4 FY 2027'],
    ]);
    // The standard year the custom one overlaps has no Period rows.
    expect(o.org.query("SELECT Id FROM Period WHERE Type = 'Year' AND StartDate = 2026-04-01").totalSize).toBe(0);
  });

  it('refuses periods that leave a gap', () => {
    const broken = fourFourFive(2027, '2026-03-29');
    broken.periods[5] = { ...broken.periods[5], start: addDays(broken.periods[5].start, 1) };
    expect(() => orgWith({ fiscalYearStartMonth: 4, customFiscalYears: [broken] }, [])).toThrow(
      'custom fiscal year 2027: period 6 does not start the day after period 5 ends',
    );
  });
});

describe('the running org', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ fiscalYearStartMonth: 4, fiscalYearNameStart: true });
  });
  afterAll(() => t.close());

  it("names an opportunity's fiscal year by the org's naming", async () => {
    const account = await t.conn.sobject('Account').create({ Name: 'Fiscal' });
    if (!account.success) throw new Error('no account');
    const created = await t.conn
      .sobject('Opportunity')
      .create({ Name: 'April deal', AccountId: account.id, StageName: 'Prospecting', CloseDate: '2026-04-15' });
    if (!created.success) throw new Error('no opportunity');
    const opp = await t.conn.sobject('Opportunity').retrieve(created.id);
    expect(opp).toMatchObject({ FiscalYear: 2026, FiscalQuarter: 1 });
  });

  it('lets every user read the fiscal calendar, as the platform does', async () => {
    const user = await createUser(t, { alias: 'fiscal' });
    const org = await user.conn.query<{ UsesStartDateAsFiscalYearName: boolean }>(
      'SELECT UsesStartDateAsFiscalYearName FROM Organization',
    );
    expect(org.records[0].UsesStartDateAsFiscalYearName).toBe(true);
    const quarters = await user.conn.query(
      "SELECT Id FROM Period WHERE Type = 'Quarter' AND StartDate >= 2026-04-01 AND EndDate <= 2027-03-31",
    );
    expect(quarters.totalSize).toBe(4);
  });

  it('serves Period read-only', async () => {
    const error = await apiError(
      t.conn.sobject('Period').create({ Type: 'Year', StartDate: '2030-01-01', EndDate: '2030-12-31' }),
    );
    expect(error.errorCode).toBe('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY');
    const years = await t.conn.query<{ FullyQualifiedLabel: string }>(
      "SELECT FullyQualifiedLabel FROM Period WHERE Type = 'Year' AND StartDate = 2026-04-01",
    );
    expect(years.records.map((r) => r.FullyQualifiedLabel)).toEqual(['FY 2026']);
  });
});

/**
 * Date literals and date functions. `now` is Tuesday 31 March 2026, 17:05 UTC (org time zone UTC, weeks
 * from Sunday as in en_US). Expected ranges are the SOQL reference's, worked out by hand for that day.
 */
import { NOW, SoqlOrg } from '../support/soql-fixtures';

const DAY_MS = 86_400_000;
const day = (text: string): number => Date.parse(`${text}T00:00:00Z`) / DAY_MS;
const FIRST = '2023-10-01';
const LAST = '2028-03-31';

// One opportunity closing on each day from FIRST to LAST, named after its close date.
const org = new SoqlOrg();
const insertDays = org.storage.db.transaction(() => {
  for (let d = day(FIRST); d <= day(LAST); d++) {
    const date = new Date(d * DAY_MS).toISOString().slice(0, 10);
    org.insert('Opportunity', { Name: date, CloseDate: date, StageName: 'Prospecting' });
  }
});
insertDays();
const TOTAL = day(LAST) - day(FIRST) + 1;

/** [first, last, count] of the close dates a condition matches. */
function closeDates(condition: string, fiscalYearStartMonth?: number): [unknown, unknown, number] {
  const dates = org.column(`SELECT Name FROM Opportunity WHERE CloseDate ${condition} ORDER BY CloseDate`, 'Name', {
    fiscalYearStartMonth,
  });
  return [dates[0], dates[dates.length - 1], dates.length];
}

describe('date literals on a Date field', () => {
  it.each([
    ['TODAY', '2026-03-31', '2026-03-31', 1],
    ['YESTERDAY', '2026-03-30', '2026-03-30', 1],
    ['TOMORROW', '2026-04-01', '2026-04-01', 1],
    ['THIS_WEEK', '2026-03-29', '2026-04-04', 7],
    ['LAST_WEEK', '2026-03-22', '2026-03-28', 7],
    ['NEXT_WEEK', '2026-04-05', '2026-04-11', 7],
    ['THIS_MONTH', '2026-03-01', '2026-03-31', 31],
    ['LAST_MONTH', '2026-02-01', '2026-02-28', 28],
    ['NEXT_MONTH', '2026-04-01', '2026-04-30', 30],
    ['THIS_QUARTER', '2026-01-01', '2026-03-31', 90],
    ['LAST_QUARTER', '2025-10-01', '2025-12-31', 92],
    ['NEXT_QUARTER', '2026-04-01', '2026-06-30', 91],
    ['THIS_YEAR', '2026-01-01', '2026-12-31', 365],
    ['LAST_YEAR', '2025-01-01', '2025-12-31', 365],
    ['NEXT_YEAR', '2027-01-01', '2027-12-31', 365],
    // LAST_90_DAYS and LAST_N_DAYS include today; NEXT_90_DAYS and NEXT_N_DAYS start tomorrow.
    ['LAST_90_DAYS', '2025-12-31', '2026-03-31', 91],
    ['NEXT_90_DAYS', '2026-04-01', '2026-06-29', 90],
    ['LAST_N_DAYS:1', '2026-03-30', '2026-03-31', 2],
    ['LAST_N_DAYS:7', '2026-03-24', '2026-03-31', 8],
    ['NEXT_N_DAYS:3', '2026-04-01', '2026-04-03', 3],
    ['N_DAYS_AGO:2', '2026-03-29', '2026-03-29', 1],
    // The N-period literals count whole periods before or after the current one.
    ['LAST_N_WEEKS:2', '2026-03-15', '2026-03-28', 14],
    ['NEXT_N_WEEKS:2', '2026-04-05', '2026-04-18', 14],
    ['N_WEEKS_AGO:2', '2026-03-15', '2026-03-21', 7],
    ['LAST_N_MONTHS:2', '2026-01-01', '2026-02-28', 59],
    ['NEXT_N_MONTHS:2', '2026-04-01', '2026-05-31', 61],
    ['N_MONTHS_AGO:3', '2025-12-01', '2025-12-31', 31],
    ['LAST_N_QUARTERS:2', '2025-07-01', '2025-12-31', 184],
    ['NEXT_N_QUARTERS:2', '2026-04-01', '2026-09-30', 183],
    ['N_QUARTERS_AGO:2', '2025-07-01', '2025-09-30', 92],
    ['LAST_N_YEARS:2', '2024-01-01', '2025-12-31', 731],
    ['NEXT_N_YEARS:1', '2027-01-01', '2027-12-31', 365],
    ['N_YEARS_AGO:2', '2024-01-01', '2024-12-31', 366],
    // A fiscal year starting in January is the calendar year.
    ['THIS_FISCAL_QUARTER', '2026-01-01', '2026-03-31', 90],
    ['LAST_FISCAL_YEAR', '2025-01-01', '2025-12-31', 365],
  ])('%s covers %s to %s', (literal, first, last, count) => {
    expect(closeDates(`= ${literal}`)).toEqual([first, last, count]);
  });

  it.each([
    // Fiscal year from February: quarters Feb-Apr, May-Jul, Aug-Oct, Nov-Jan.
    ['THIS_FISCAL_QUARTER', '2026-02-01', '2026-04-30', 89],
    ['LAST_FISCAL_QUARTER', '2025-11-01', '2026-01-31', 92],
    ['NEXT_FISCAL_QUARTER', '2026-05-01', '2026-07-31', 92],
    ['THIS_FISCAL_YEAR', '2026-02-01', '2027-01-31', 365],
    ['LAST_FISCAL_YEAR', '2025-02-01', '2026-01-31', 365],
    ['NEXT_FISCAL_YEAR', '2027-02-01', '2028-01-31', 365],
    ['LAST_N_FISCAL_QUARTERS:2', '2025-08-01', '2026-01-31', 184],
    ['NEXT_N_FISCAL_QUARTERS:1', '2026-05-01', '2026-07-31', 92],
    ['N_FISCAL_QUARTERS_AGO:1', '2025-11-01', '2026-01-31', 92],
    ['LAST_N_FISCAL_YEARS:1', '2025-02-01', '2026-01-31', 365],
    ['NEXT_N_FISCAL_YEARS:1', '2027-02-01', '2028-01-31', 365],
    ['N_FISCAL_YEARS_AGO:2', '2024-02-01', '2025-01-31', 366],
  ])('%s covers %s to %s with a fiscal year starting in February', (literal, first, last, count) => {
    expect(closeDates(`= ${literal}`, 2)).toEqual([first, last, count]);
  });

  it('compares with a range: < before its start, > after its end, <= and >= inclusive, != outside', () => {
    expect(closeDates('< THIS_MONTH')).toEqual([FIRST, '2026-02-28', day('2026-02-28') - day(FIRST) + 1]);
    expect(closeDates('<= THIS_MONTH')[1]).toBe('2026-03-31');
    expect(closeDates('> THIS_MONTH')).toEqual(['2026-04-01', LAST, day(LAST) - day('2026-04-01') + 1]);
    expect(closeDates('>= THIS_MONTH')[0]).toBe('2026-03-01');
    expect(closeDates('!= THIS_MONTH')[2]).toBe(TOTAL - 31);
    expect(closeDates('IN (LAST_MONTH, NEXT_MONTH)')).toEqual(['2026-02-01', '2026-04-30', 58]);
    expect(closeDates('NOT IN (THIS_YEAR, LAST_YEAR)')[2]).toBe(TOTAL - 730);
    expect(closeDates('>= LAST_N_DAYS:2 AND CloseDate <= TODAY')).toEqual(['2026-03-29', '2026-03-31', 3]);
    expect(closeDates('> LAST_N_DAYS:2 AND CloseDate < NEXT_N_DAYS:2')).toEqual([undefined, undefined, 0]);
  });

  it('refuses unknown literals and negative counts', () => {
    for (const literal of ['THIS_DECADE', 'LAST_N_DAYS:x', 'LAST_N_DAYS:-1', 'LAST_N_DAYS', "'TODAY'"]) {
      const error = org.error(`SELECT Id FROM Opportunity WHERE CloseDate = ${literal}`);
      expect([literal, error.errorCode]).toEqual([
        literal,
        literal === "'TODAY'" ? 'INVALID_FIELD' : 'MALFORMED_QUERY',
      ]);
    }
  });
});

describe('date literals on a DateTime field', () => {
  const o = new SoqlOrg();
  const stamps: Record<string, string> = {
    saturday: '2026-03-28T23:59:59.999Z',
    sunday: '2026-03-29T00:00:00.000Z',
    yesterday: '2026-03-30T23:59:59.999Z',
    todayStart: '2026-03-31T00:00:00.000Z',
    todayEnd: '2026-03-31T23:59:59.999Z',
    tomorrow: '2026-04-01T00:00:00.000Z',
  };
  for (const [name, stamp] of Object.entries(stamps)) o.insert('Account', { Name: name, CreatedDate: stamp });
  const created = (condition: string) =>
    o.column(`SELECT Name FROM Account WHERE CreatedDate ${condition} ORDER BY CreatedDate`, 'Name');

  it('covers whole UTC days from midnight', () => {
    expect(created('= TODAY')).toEqual(['todayStart', 'todayEnd']);
    expect(created('= YESTERDAY')).toEqual(['yesterday']);
    expect(created('< TODAY')).toEqual(['saturday', 'sunday', 'yesterday']);
    expect(created('> TODAY')).toEqual(['tomorrow']);
    expect(created('>= TODAY')).toEqual(['todayStart', 'todayEnd', 'tomorrow']);
    expect(created('= THIS_WEEK')).toEqual(['sunday', 'yesterday', 'todayStart', 'todayEnd', 'tomorrow']);
    expect(created('= LAST_WEEK')).toEqual(['saturday']);
    expect(created('= LAST_N_DAYS:1')).toEqual(['yesterday', 'todayStart', 'todayEnd']);
  });

  it('follows `now`', () => {
    const later = { now: new Date('2026-04-01T08:00:00Z') };
    expect(o.column('SELECT Name FROM Account WHERE CreatedDate = TODAY', 'Name', later)).toEqual(['tomorrow']);
  });
});

describe('date functions', () => {
  const o = new SoqlOrg();
  const add = (closeDate: string, createdDate = `${closeDate}T17:05:00.000Z`) =>
    o.insert('Opportunity', {
      Name: closeDate,
      CloseDate: closeDate,
      CreatedDate: createdDate,
      StageName: 'Prospecting',
    });
  add('2026-03-31');
  add('2026-03-29');
  add('2026-04-04');
  add('2026-01-07');
  add('2026-01-08');
  add('2026-04-01', '2026-04-01T00:30:00.000Z');

  /** The function's value for the opportunity closing on `date`, read in SELECT/GROUP BY and checked in WHERE. */
  function valueOf(fn: string, date: string, fiscalYearStartMonth?: number): unknown {
    const options = { fiscalYearStartMonth };
    const [row] = o.records(`SELECT ${fn} v FROM Opportunity WHERE Name = '${date}' GROUP BY ${fn}`, options);
    const literal = typeof row.v === 'number' ? String(row.v) : String(row.v);
    const matching = o.column(`SELECT Name FROM Opportunity WHERE ${fn} = ${literal}`, 'Name', options);
    expect(matching).toContain(date);
    return row.v;
  }

  it.each([
    ['CALENDAR_YEAR(CloseDate)', '2026-03-31', 2026],
    ['CALENDAR_QUARTER(CloseDate)', '2026-03-31', 1],
    ['CALENDAR_QUARTER(CloseDate)', '2026-04-01', 2],
    ['CALENDAR_MONTH(CloseDate)', '2026-03-31', 3],
    ['DAY_IN_MONTH(CloseDate)', '2026-03-31', 31],
    ['DAY_IN_WEEK(CloseDate)', '2026-03-29', 1],
    ['DAY_IN_WEEK(CloseDate)', '2026-03-31', 3],
    ['DAY_IN_WEEK(CloseDate)', '2026-04-04', 7],
    ['DAY_IN_YEAR(CloseDate)', '2026-03-31', 90],
    ['WEEK_IN_YEAR(CloseDate)', '2026-01-07', 1],
    ['WEEK_IN_YEAR(CloseDate)', '2026-01-08', 2],
    ['WEEK_IN_YEAR(CloseDate)', '2026-03-31', 13],
    ['WEEK_IN_MONTH(CloseDate)', '2026-03-31', 5],
    ['WEEK_IN_MONTH(CloseDate)', '2026-04-04', 1],
    ['CALENDAR_YEAR(CreatedDate)', '2026-03-31', 2026],
    ['HOUR_IN_DAY(CreatedDate)', '2026-03-31', 17],
    ['HOUR_IN_DAY(convertTimezone(CreatedDate))', '2026-04-01', 0],
    ['DAY_ONLY(CreatedDate)', '2026-04-01', '2026-04-01'],
    ['FISCAL_YEAR(CloseDate)', '2026-03-31', 2026],
    ['FISCAL_QUARTER(CloseDate)', '2026-03-31', 1],
    ['FISCAL_MONTH(CloseDate)', '2026-03-31', 3],
  ])('%s of %s is %p', (fn, date, expected) => {
    expect(valueOf(fn, date)).toBe(expected);
  });

  it.each([
    // Fiscal year from April, named after the calendar year it ends in.
    ['FISCAL_YEAR(CloseDate)', '2026-03-31', 2026],
    ['FISCAL_YEAR(CloseDate)', '2026-04-01', 2027],
    ['FISCAL_QUARTER(CloseDate)', '2026-03-31', 4],
    ['FISCAL_QUARTER(CloseDate)', '2026-04-01', 1],
    ['FISCAL_MONTH(CloseDate)', '2026-03-31', 12],
    ['FISCAL_MONTH(CloseDate)', '2026-04-01', 1],
    ['FISCAL_YEAR(CreatedDate)', '2026-04-01', 2027],
  ])('%s of %s is %p with a fiscal year starting in April', (fn, date, expected) => {
    expect(valueOf(fn, date, 4)).toBe(expected);
  });

  it('groups by date functions, unaliased ones named expr0, expr1, ...', () => {
    expect(
      o.records(
        'SELECT CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate), COUNT(Id) n FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate) ORDER BY CALENDAR_MONTH(CloseDate)',
      ),
    ).toEqual([
      { attributes: { type: 'AggregateResult' }, expr0: 2026, expr1: 1, n: 2 },
      { attributes: { type: 'AggregateResult' }, expr0: 2026, expr1: 3, n: 2 },
      { attributes: { type: 'AggregateResult' }, expr0: 2026, expr1: 4, n: 2 },
    ]);
  });

  it('filters with IN lists and comparisons', () => {
    expect(
      o.column('SELECT Name FROM Opportunity WHERE DAY_IN_WEEK(CloseDate) IN (1, 7) ORDER BY Name', 'Name'),
    ).toEqual(['2026-03-29', '2026-04-04']);
    expect(
      o.column('SELECT Name FROM Opportunity WHERE DAY_ONLY(CreatedDate) > 2026-03-31 ORDER BY Name', 'Name'),
    ).toEqual(['2026-04-01', '2026-04-04']);
    expect(o.column('SELECT Name FROM Opportunity WHERE DAY_ONLY(CreatedDate) = TODAY', 'Name', { now: NOW })).toEqual([
      '2026-03-31',
    ]);
  });

  it('refuses a function on a field of the wrong type', () => {
    for (const fn of ['HOUR_IN_DAY(CloseDate)', 'DAY_ONLY(CloseDate)', 'CALENDAR_YEAR(Name)']) {
      const error = o.error(`SELECT Id FROM Opportunity WHERE ${fn} = 1`);
      expect([fn, error.errorCode]).toEqual([fn, 'MALFORMED_QUERY']);
    }
    const text = o.error(`SELECT Id FROM Opportunity WHERE CALENDAR_YEAR(CloseDate) = '2026'`);
    expect([text.errorCode, text.message]).toEqual([
      'INVALID_FIELD',
      expect.stringContaining("field 'CALENDAR_YEAR(CloseDate)' must be of type int"),
    ]);
  });
});

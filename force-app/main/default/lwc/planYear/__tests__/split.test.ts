import {
  addExact,
  EVEN_PROFILE,
  partShares,
  profileNamed,
  splitValue,
  splitYearTarget,
  standardPlanPeriods,
  type SeasonalProfile,
} from 'c/planYear';

const BACK_LOADED: SeasonalProfile = { name: 'Back_Loaded', label: 'Back-loaded', quarterShares: [20, 23, 27, 30] };
const YEAR_END_PUSH: SeasonalProfile = {
  name: 'Year_End_Push',
  label: 'Year-end push',
  quarterShares: [15, 20, 25, 40],
};

/** The parts in cents: they must add up to the total's cents exactly. */
const cents = (values: number[]): number[] => values.map((v) => Math.round(v * 100));
const sumCents = (values: number[]): number => cents(values).reduce((a, b) => a + b, 0);

describe('splitValue', () => {
  it('rounds each part to cents and puts the remainder on the last', () => {
    expect(splitValue(100, [1, 1, 1])).toEqual([33.34, 33.33, 33.33]);
    expect(splitValue(1000.01, [1, 1, 1])).toEqual([333.34, 333.34, 333.33]);
    expect(splitValue(1000, Array(12).fill(1))).toEqual([...Array(4).fill(83.34), ...Array(8).fill(83.33)]);
    // Whole numbers for counts: the left-over units go to the largest remainders, earlier parts first.
    expect(splitValue(150, [25, 25, 25, 25], 0)).toEqual([38, 38, 37, 37]);
    expect(splitValue(10, [20, 23, 27, 30], 0)).toEqual([2, 2, 3, 3]);
  });

  it('splits by shares that need not sum to 100', () => {
    expect(splitValue(1000, [20, 23, 27, 30])).toEqual([200, 230, 270, 300]);
    expect(splitValue(90, [2, 1])).toEqual([60, 30]);
    expect(splitValue(100, [0.5, 0.25, 0.25])).toEqual([50, 25, 25]);
    expect(splitValue(1234.56, [1, 1, 1, 1])).toEqual([308.64, 308.64, 308.64, 308.64]);
  });

  it('has no float drift: the parts are whole cents and their cents sum to the total', () => {
    expect(splitValue(0.3, [1, 2])).toEqual([0.1, 0.2]);
    for (let i = 1; i <= 500; i++) {
      const total = (i * 7919.37) % 100_000;
      const parts = splitValue(total, [13, 17, 19, 23, 29]);
      expect(sumCents(parts)).toBe(Math.round(total * 100));
      parts.forEach((p) => expect(Math.round(p * 100) / 100).toBe(p));
    }
  });

  it('rounds the total to the scale first (half away from zero, float noise ignored)', () => {
    expect(splitValue(123.456, [1])).toEqual([123.46]);
    expect(splitValue(1.005, [1])).toEqual([1.01]);
    expect(splitValue(-1.005, [1])).toEqual([-1.01]);
  });

  it('splits zero into zeros (never -0) and keeps a single part whole', () => {
    expect(splitValue(0, [1, 2, 3])).toEqual([0, 0, 0]);
    splitValue(0, [1, 2, 3]).forEach((p) => expect(Object.is(p, 0)).toBe(true));
    expect(splitValue(123.45, [7])).toEqual([123.45]);
  });

  it('splits evenly when no share is positive, and counts negative shares as 0', () => {
    expect(splitValue(10, [0, 0])).toEqual([5, 5]);
    expect(splitValue(10, [-1, 1])).toEqual([0, 10]);
    expect(splitValue(10, [Number.NaN, 3])).toEqual([0, 10]);
    expect(splitValue(10, [])).toEqual([]);
  });

  it('mirrors a negative total', () => {
    expect(splitValue(-100, [1, 1, 1])).toEqual([-33.34, -33.33, -33.33]);
  });

  it('works at another scale', () => {
    expect(splitValue(10, [1, 1, 1], 0)).toEqual([4, 3, 3]);
    expect(splitValue(1, [1, 1, 1], 3)).toEqual([0.334, 0.333, 0.333]);
  });

  it('stays exact for large values', () => {
    const parts = splitValue(12_345_678_901.23, [1, 1, 1]);
    expect(parts).toEqual([4_115_226_300.41, 4_115_226_300.41, 4_115_226_300.41]);
  });
});

describe('addExact', () => {
  it('adds to the cent without float drift', () => {
    expect(addExact(0.1, 0.2)).toBe(0.3);
    expect(addExact(266.67, 99.99)).toBe(366.66);
    expect(addExact(5, 0)).toBe(5);
    expect(addExact(12.345, 0)).toBe(12.35);
  });
});

describe('seasonal profiles', () => {
  it("gives quarters the profile's shares and months a third of their quarter's", () => {
    expect(partShares(BACK_LOADED, 'Quarter')).toEqual([20, 23, 27, 30]);
    const months = partShares(BACK_LOADED, 'Month');
    expect(months).toHaveLength(12);
    expect(months.slice(0, 3)).toEqual([20 / 3, 20 / 3, 20 / 3]);
    expect(months.slice(9)).toEqual([10, 10, 10]);
    expect(EVEN_PROFILE).toEqual({ name: 'Even', label: 'Even', quarterShares: [25, 25, 25, 25] });
  });

  it('falls back to Even for a blank or unknown profile name', () => {
    const profiles = { Back_Loaded: BACK_LOADED };
    expect(profileNamed(profiles, 'Back_Loaded')).toBe(BACK_LOADED);
    expect(profileNamed(profiles, 'Nope')).toBe(EVEN_PROFILE);
    expect(profileNamed(profiles, null)).toBe(EVEN_PROFILE);
    expect(profileNamed(profiles, 'toString')).toBe(EVEN_PROFILE);
  });
});

describe('splitYearTarget', () => {
  const feb = standardPlanPeriods({ start: '2026-02-01', end: '2027-01-31' });

  it("splits a year into its quarters by the profile, on the plan's quarters", () => {
    expect(splitYearTarget(1000, 'Quarter', BACK_LOADED, feb)).toEqual([
      { periodType: 'Quarter', start: '2026-02-01', end: '2026-04-30', targetValue: 200 },
      { periodType: 'Quarter', start: '2026-05-01', end: '2026-07-31', targetValue: 230 },
      { periodType: 'Quarter', start: '2026-08-01', end: '2026-10-31', targetValue: 270 },
      { periodType: 'Quarter', start: '2026-11-01', end: '2027-01-31', targetValue: 300 },
    ]);
  });

  it('splits a year into its months, each a third of its quarter', () => {
    const even = splitYearTarget(1200, 'Month', EVEN_PROFILE, feb);
    expect(even.map((p) => p.targetValue)).toEqual(Array(12).fill(100));
    expect(even[0]).toEqual({ periodType: 'Month', start: '2026-02-01', end: '2026-02-28', targetValue: 100 });
    expect(even[11]).toEqual({ periodType: 'Month', start: '2027-01-01', end: '2027-01-31', targetValue: 100 });

    const push = splitYearTarget(1000, 'Month', YEAR_END_PUSH, feb).map((p) => p.targetValue);
    expect(push).toEqual([50, 50, 50, 66.67, 66.67, 66.67, 83.34, 83.33, 83.33, 133.33, 133.33, 133.33]);
    expect(sumCents(push)).toBe(100_000);
  });

  it('reads shares that do not sum to 100 as proportions', () => {
    const ones: SeasonalProfile = { name: 'Ones', label: 'Ones', quarterShares: [1, 1, 1, 1] };
    expect(splitYearTarget(100, 'Quarter', ones, feb).map((p) => p.targetValue)).toEqual([25, 25, 25, 25]);
  });
});

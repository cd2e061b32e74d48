import {
  DEFAULT_SEMANTICS,
  elapsedFraction,
  paceRatio,
  periodPhase,
  semanticsOf,
  statusTone,
  targetFigures,
  weightedContribution,
  type MetricSemantics,
} from 'c/metricSemantics';

// Q1 2026: 90 days (31 + 28 + 31). 2026-02-14 is day 45, half the period.
const START = '2026-01-01';
const END = '2026-03-31';
const FIRST_DAY = START;
const MIDWAY = '2026-02-14';
const LAST_DAY = END;
const DAY_AFTER = '2026-04-01';
const DAY_BEFORE = '2025-12-31';

const semantics = (extra: Partial<MetricSemantics>): MetricSemantics => ({ ...DEFAULT_SEMANTICS, ...extra });
const higherCumulative = DEFAULT_SEMANTICS;
const higherRate = semantics({ shape: 'Rate' });
const higherSnapshot = semantics({ shape: 'Snapshot' });
const lowerRate = semantics({ direction: 'Lower is better', shape: 'Rate' });
const lowerCumulative = semantics({ direction: 'Lower is better' });
const budget = semantics({ direction: 'Stay within budget' });

const figures = (s: MetricSemantics, target: number | null, actual: number | null, asOf: string) =>
  targetFigures(s, target, actual, START, END, asOf);
const pace = (s: MetricSemantics, target: number | null, actual: number | null, asOf: string) =>
  figures(s, target, actual, asOf).pace;

describe('semanticsOf', () => {
  it('reads the catalog values', () => {
    expect(
      semanticsOf({ direction: 'Lower is better', shape: 'Rate', aheadThreshold: 120, behindThreshold: 75 }),
    ).toEqual({ direction: 'Lower is better', shape: 'Rate', aheadAt: 120, behindBelow: 75 });
  });

  it('falls back to the defaults for blank or unknown values', () => {
    expect(semanticsOf({})).toEqual({
      direction: 'Higher is better',
      shape: 'Cumulative',
      aheadAt: 110,
      behindBelow: 90,
    });
    expect(semanticsOf({ direction: 'Sideways', shape: 'Linear', aheadThreshold: null, behindThreshold: 0 })).toEqual(
      DEFAULT_SEMANTICS,
    );
  });
});

describe('period arithmetic', () => {
  it('counts whole days inclusive', () => {
    expect(elapsedFraction(START, END, DAY_BEFORE)).toBe(0);
    expect(elapsedFraction(START, END, FIRST_DAY)).toBeCloseTo(1 / 90, 10);
    expect(elapsedFraction(START, END, MIDWAY)).toBe(0.5);
    expect(elapsedFraction(START, END, LAST_DAY)).toBe(1);
    expect(elapsedFraction(START, END, DAY_AFTER)).toBe(1);
  });

  it('opens on the first day and closes the day after the last', () => {
    expect(periodPhase(START, END, DAY_BEFORE)).toBe('Not Started');
    expect(periodPhase(START, END, FIRST_DAY)).toBe('Open');
    expect(periodPhase(START, END, LAST_DAY)).toBe('Open');
    expect(periodPhase(START, END, DAY_AFTER)).toBe('Closed');
  });
});

describe('targetFigures: higher is better, cumulative', () => {
  it('prorates the target and compares the actual with the thresholds', () => {
    expect(figures(higherCumulative, 100, 55, MIDWAY)).toEqual({
      actual: 55,
      attainment: 55,
      expectedToDate: 50,
      pace: 'Ahead',
    });
    expect(pace(higherCumulative, 100, 54.99, MIDWAY)).toBe('On Track');
    expect(pace(higherCumulative, 100, 45, MIDWAY)).toBe('On Track');
    expect(pace(higherCumulative, 100, 44.99, MIDWAY)).toBe('Behind');
  });

  it('counts no records as nothing done', () => {
    expect(figures(higherCumulative, 100, null, MIDWAY)).toEqual({
      actual: null,
      attainment: null,
      expectedToDate: 50,
      pace: 'Behind',
    });
  });

  it('expects one day of the target on the first day and all of it on the last', () => {
    expect(figures(higherCumulative, 90, 1, FIRST_DAY)).toMatchObject({ expectedToDate: 1, pace: 'On Track' });
    expect(figures(higherCumulative, 90, 0, FIRST_DAY).pace).toBe('Behind');
    expect(figures(higherCumulative, 100, 100, LAST_DAY)).toMatchObject({ expectedToDate: 100, pace: 'On Track' });
  });

  it('is on track with a zero target and has no attainment', () => {
    expect(figures(higherCumulative, 0, 3, MIDWAY)).toEqual({
      actual: 3,
      attainment: null,
      expectedToDate: 0,
      pace: 'On Track',
    });
  });

  it('reads Met or Missed once the period has closed', () => {
    expect(figures(higherCumulative, 100, 100, DAY_AFTER)).toEqual({
      actual: 100,
      attainment: 100,
      expectedToDate: 100,
      pace: 'Met',
    });
    expect(pace(higherCumulative, 100, 99.99, DAY_AFTER)).toBe('Missed');
    expect(pace(higherCumulative, 100, null, DAY_AFTER)).toBe('Missed');
  });

  it('leaves an unstarted target blank, whatever was recorded', () => {
    expect(figures(higherCumulative, 100, 40, DAY_BEFORE)).toEqual({
      actual: null,
      attainment: null,
      expectedToDate: null,
      pace: null,
    });
  });

  it('has no pace without a target value', () => {
    expect(figures(higherCumulative, null, 40, MIDWAY)).toEqual({
      actual: 40,
      attainment: null,
      expectedToDate: null,
      pace: null,
    });
  });

  it('rounds to 2 decimals', () => {
    expect(figures(higherCumulative, 300, 100 / 3, MIDWAY)).toEqual({
      actual: 33.33,
      attainment: 11.11,
      expectedToDate: 150,
      pace: 'Behind',
    });
  });
});

describe('targetFigures: higher is better, rate and snapshot', () => {
  it('compares a rate with the target from the first day', () => {
    // A 40% win rate against 30% is ahead even on day one: a rate is not prorated.
    expect(figures(higherRate, 30, 40, FIRST_DAY)).toEqual({
      actual: 40,
      attainment: 133.33,
      expectedToDate: 30,
      pace: 'Ahead',
    });
    expect(pace(higherRate, 30, 27, MIDWAY)).toBe('On Track');
    expect(pace(higherRate, 30, 26.9, MIDWAY)).toBe('Behind');
  });

  it('has no pace without a measurement', () => {
    expect(figures(higherRate, 30, null, MIDWAY)).toEqual({
      actual: null,
      attainment: null,
      expectedToDate: 30,
      pace: null,
    });
    expect(pace(higherRate, 30, null, DAY_AFTER)).toBeNull();
  });

  it('reads Met or Missed when closed', () => {
    expect(pace(higherRate, 30, 30, DAY_AFTER)).toBe('Met');
    expect(pace(higherSnapshot, 30, 29, DAY_AFTER)).toBe('Missed');
  });

  it('keeps a snapshot value before the period starts, without judging it', () => {
    expect(figures(higherSnapshot, 20, 12, DAY_BEFORE)).toEqual({
      actual: 12,
      attainment: null,
      expectedToDate: null,
      pace: null,
    });
  });
});

describe('targetFigures: lower is better', () => {
  it('reads a rate as target / actual', () => {
    // Average sales cycle: target 60 days.
    expect(figures(lowerRate, 60, 50, MIDWAY)).toEqual({
      actual: 50,
      attainment: 120,
      expectedToDate: 60,
      pace: 'Ahead',
    });
    expect(figures(lowerRate, 60, 66, MIDWAY)).toMatchObject({ attainment: 90.91, pace: 'On Track' });
    expect(figures(lowerRate, 60, 67, MIDWAY)).toMatchObject({ attainment: 89.55, pace: 'Behind' });
  });

  it('caps attainment at 200 and reads an actual of 0 as ahead', () => {
    expect(figures(lowerRate, 60, 20, MIDWAY)).toMatchObject({ attainment: 200, pace: 'Ahead' });
    expect(figures(lowerRate, 60, 0, MIDWAY)).toMatchObject({ attainment: 200, pace: 'Ahead' });
  });

  it('has no pace or attainment without a measurement', () => {
    expect(figures(lowerRate, 60, null, MIDWAY)).toMatchObject({ attainment: null, pace: null });
  });

  it('prorates a cumulative limit', () => {
    // Lost deals: at most 10 over the quarter, 5 expected by midway.
    expect(figures(lowerCumulative, 10, 4, MIDWAY)).toEqual({
      actual: 4,
      attainment: 200,
      expectedToDate: 5,
      pace: 'Ahead',
    });
    expect(pace(lowerCumulative, 10, 5, MIDWAY)).toBe('On Track');
    expect(pace(lowerCumulative, 10, 6, MIDWAY)).toBe('Behind');
  });

  it('is met when the actual stays at or under the target', () => {
    expect(pace(lowerRate, 60, 60, DAY_AFTER)).toBe('Met');
    expect(pace(lowerRate, 60, 60.5, DAY_AFTER)).toBe('Missed');
    expect(figures(lowerCumulative, 10, 12, DAY_AFTER)).toMatchObject({ attainment: 83.33, pace: 'Missed' });
  });
});

describe('targetFigures: stay within budget', () => {
  it('is over budget as soon as the spend exceeds the whole budget', () => {
    expect(figures(budget, 1000, 1200, MIDWAY)).toEqual({
      actual: 1200,
      attainment: 120,
      expectedToDate: 500,
      pace: 'Over Budget',
    });
  });

  it('is behind when the funds are not being used, on track otherwise', () => {
    expect(pace(budget, 1000, 449, MIDWAY)).toBe('Behind');
    expect(pace(budget, 1000, 450, MIDWAY)).toBe('On Track');
    // Spending ahead of the prorated share is fine while within the budget.
    expect(pace(budget, 1000, 1000, MIDWAY)).toBe('On Track');
    expect(figures(budget, 1000, null, MIDWAY)).toMatchObject({ attainment: null, pace: 'Behind' });
  });

  it('is met or over budget when closed', () => {
    expect(figures(budget, 1000, 1000, DAY_AFTER)).toMatchObject({ attainment: 100, pace: 'Met' });
    expect(pace(budget, 1000, 1000.01, DAY_AFTER)).toBe('Over Budget');
    expect(pace(budget, 1000, 0, DAY_AFTER)).toBe('Met');
  });

  it('is over budget with any spend against a zero budget', () => {
    expect(figures(budget, 0, 10, MIDWAY)).toMatchObject({ attainment: null, pace: 'Over Budget' });
    expect(pace(budget, 0, 0, MIDWAY)).toBe('On Track');
  });
});

describe('custom thresholds', () => {
  const wide = semantics({ aheadAt: 120, behindBelow: 80 });

  it('moves the Ahead and Behind boundaries', () => {
    expect(pace(wide, 100, 59.5, MIDWAY)).toBe('On Track'); // 119%
    expect(pace(wide, 100, 60, MIDWAY)).toBe('Ahead');
    expect(pace(wide, 100, 40, MIDWAY)).toBe('On Track');
    expect(pace(wide, 100, 39.5, MIDWAY)).toBe('Behind'); // 79%
  });

  it('moves the under-use boundary of a budget', () => {
    expect(pace(semantics({ direction: 'Stay within budget', behindBelow: 50 }), 1000, 250, MIDWAY)).toBe('On Track');
    expect(pace(semantics({ direction: 'Stay within budget', behindBelow: 50 }), 1000, 249, MIDWAY)).toBe('Behind');
  });
});

describe('paceRatio', () => {
  it('is actual over expected for higher is better', () => {
    expect(paceRatio(higherCumulative, 55, 50)).toBe(110);
    expect(paceRatio(higherCumulative, null, 50)).toBe(0);
    expect(paceRatio(higherRate, null, 30)).toBeNull();
    expect(paceRatio(higherCumulative, 5, 0)).toBeNull();
    expect(paceRatio(higherCumulative, 5, null)).toBeNull();
  });

  it('is expected over actual for lower is better, capped at 200', () => {
    expect(paceRatio(lowerRate, 50, 60)).toBe(120);
    expect(paceRatio(lowerRate, 20, 60)).toBe(200);
    expect(paceRatio(lowerRate, 0, 60)).toBe(200);
    expect(paceRatio(lowerRate, null, 60)).toBeNull();
  });

  it('caps a budget at 100', () => {
    expect(paceRatio(budget, 400, 500)).toBe(80);
    expect(paceRatio(budget, 900, 500)).toBe(100);
  });
});

describe('weightedContribution', () => {
  it('caps budget attainment at 100 and passes others through', () => {
    expect(weightedContribution(budget, 140)).toBe(100);
    expect(weightedContribution(budget, 60)).toBe(60);
    expect(weightedContribution(higherCumulative, 140)).toBe(140);
    expect(weightedContribution(lowerRate, null)).toBeNull();
  });
});

describe('statusTone', () => {
  it.each([
    ['Ahead', 'success'],
    ['Met', 'success'],
    ['On Track', 'info'],
    ['Behind', 'error'],
    ['Missed', 'error'],
    ['Over Budget', 'error'],
    [null, 'neutral'],
    ['Unknown', 'neutral'],
  ])('%s reads %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });
});

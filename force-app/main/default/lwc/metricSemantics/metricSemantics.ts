/**
 * What a metric's figures mean, in one place: the rollup job computes stored figures with it and the
 * components read them with it, so a target reads the same everywhere. Pure functions on ISO dates
 * ('YYYY-MM-DD'); no imports, so the rollup can import it by path and components as `c/metricSemantics`.
 */

export type Direction = 'Higher is better' | 'Lower is better' | 'Stay within budget';
export type Shape = 'Cumulative' | 'Rate' | 'Snapshot';
export type PaceStatus = 'Ahead' | 'On Track' | 'Behind' | 'Over Budget' | 'Met' | 'Missed';
export type PeriodPhase = 'Not Started' | 'Open' | 'Closed';

/** A metric's reading rules; thresholds are percents of the expected value. */
export interface MetricSemantics {
  direction: Direction;
  shape: Shape;
  aheadAt: number;
  behindBelow: number;
}

export const DEFAULT_SEMANTICS: MetricSemantics = Object.freeze({
  direction: 'Higher is better',
  shape: 'Cumulative',
  aheadAt: 110,
  behindBelow: 90,
}) as MetricSemantics;

const DIRECTIONS: readonly string[] = ['Higher is better', 'Lower is better', 'Stay within budget'];
const SHAPES: readonly string[] = ['Cumulative', 'Rate', 'Snapshot'];

/** Lower-is-better attainment is target / actual, capped so a near-zero actual cannot dominate a weighted mean. */
const LOWER_ATTAINMENT_CAP = 200;

function threshold(value: number | null | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** From the catalog record's raw values (blank/unknown -> defaults). */
export function semanticsOf(raw: {
  direction?: string | null;
  shape?: string | null;
  aheadThreshold?: number | null;
  behindThreshold?: number | null;
}): MetricSemantics {
  return {
    direction: raw.direction && DIRECTIONS.includes(raw.direction) ? (raw.direction as Direction) : 'Higher is better',
    shape: raw.shape && SHAPES.includes(raw.shape) ? (raw.shape as Shape) : 'Cumulative',
    aheadAt: threshold(raw.aheadThreshold, DEFAULT_SEMANTICS.aheadAt),
    behindBelow: threshold(raw.behindThreshold, DEFAULT_SEMANTICS.behindBelow),
  };
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

export function periodPhase(start: string, end: string, asOf: string): PeriodPhase {
  if (asOf < start) return 'Not Started';
  return asOf > end ? 'Closed' : 'Open';
}

/** Share of the period elapsed on `asOf`, counting whole days inclusive (the first day counts): 0..1. */
export function elapsedFraction(start: string, end: string, asOf: string): number {
  const total = dayNumber(end) - dayNumber(start) + 1;
  if (total <= 0) return 1;
  const elapsed = dayNumber(asOf) - dayNumber(start) + 1;
  return Math.min(1, Math.max(0, elapsed / total));
}

export interface TargetFigures {
  actual: number | null;
  attainment: number | null;
  expectedToDate: number | null;
  pace: PaceStatus | null;
}

const round = (n: number | null, places: number): number | null => {
  if (n === null || !Number.isFinite(n)) return null;
  const factor = 10 ** places;
  return Math.round(n * factor) / factor;
};

/** Attainment in percent: share of the target reached (Higher), of the limit kept under (Lower), of the budget used. */
function attainmentOf(s: MetricSemantics, target: number | null, actual: number | null): number | null {
  if (actual === null || target === null) return null;
  if (s.direction === 'Lower is better') {
    if (target < 0) return null;
    return actual <= 0 ? LOWER_ATTAINMENT_CAP : Math.min(LOWER_ATTAINMENT_CAP, (target / actual) * 100);
  }
  return target > 0 ? (actual / target) * 100 : null;
}

/** Ahead / On Track / Behind from a ratio in percent of the expected value. */
function byThresholds(s: MetricSemantics, ratio: number): PaceStatus {
  if (ratio >= s.aheadAt) return 'Ahead';
  return ratio >= s.behindBelow ? 'On Track' : 'Behind';
}

/** A missing cumulative actual is nothing done yet; a missing rate or snapshot is no measurement. */
const measured = (s: MetricSemantics, actual: number | null): number | null =>
  actual ?? (s.shape === 'Cumulative' ? 0 : null);

function openPace(s: MetricSemantics, target: number, actual: number | null, expected: number): PaceStatus | null {
  if (s.direction === 'Stay within budget') {
    const spent = actual ?? 0;
    if (spent > target) return 'Over Budget';
    // Spending well under the expected share means the funds are not being used.
    return spent < (expected * s.behindBelow) / 100 ? 'Behind' : 'On Track';
  }
  if (s.direction === 'Lower is better') {
    if (actual === null) return null;
    if (actual <= 0) return 'Ahead';
    return byThresholds(s, (expected / actual) * 100);
  }
  const done = measured(s, actual);
  if (done === null) return null;
  if (expected === 0) return 'On Track';
  return byThresholds(s, (done / expected) * 100);
}

function closedPace(s: MetricSemantics, target: number, actual: number | null): PaceStatus | null {
  if (s.direction === 'Stay within budget') return (actual ?? 0) > target ? 'Over Budget' : 'Met';
  const final = measured(s, actual);
  if (final === null) return null;
  if (s.direction === 'Lower is better') return final <= target ? 'Met' : 'Missed';
  return final >= target ? 'Met' : 'Missed';
}

/**
 * A target's computed fields on `asOf`, rounded to 2 decimals. Before the period starts nothing is
 * expected or judged (a snapshot keeps its current value). A cumulative target is expected to accrue
 * linearly over its period; a rate or snapshot is compared with the target itself.
 */
export function targetFigures(
  s: MetricSemantics,
  targetValue: number | null,
  actual: number | null,
  start: string,
  end: string,
  asOf: string,
): TargetFigures {
  const phase = periodPhase(start, end, asOf);
  if (phase === 'Not Started') {
    return {
      actual: s.shape === 'Snapshot' ? round(actual, 2) : null,
      attainment: null,
      expectedToDate: null,
      pace: null,
    };
  }
  const expected =
    targetValue === null
      ? null
      : s.shape === 'Cumulative'
        ? targetValue * elapsedFraction(start, end, asOf)
        : targetValue;
  let pace: PaceStatus | null = null;
  if (targetValue !== null && expected !== null) {
    pace = phase === 'Closed' ? closedPace(s, targetValue, actual) : openPace(s, targetValue, actual, expected);
  }
  return {
    actual: round(actual, 2),
    attainment: round(attainmentOf(s, targetValue, actual), 2),
    expectedToDate: round(expected, 2),
    pace,
  };
}

/**
 * Actual against expected in percent, 100 = on pace, higher = better for every direction; null when not
 * comparable. Lower is better reads expected / actual (capped at 200, 200 for an actual of 0). A budget
 * reads its use of the expected share, capped at 100: spending ahead of plan is not better (the pace status
 * says when it is over budget). Rounded to 1 decimal.
 */
export function paceRatio(s: MetricSemantics, actual: number | null, expected: number | null): number | null {
  if (expected === null || expected < 0) return null;
  if (s.direction === 'Lower is better') {
    if (actual === null) return null;
    return actual <= 0 ? LOWER_ATTAINMENT_CAP : round(Math.min(LOWER_ATTAINMENT_CAP, (expected / actual) * 100), 1);
  }
  if (expected === 0) return null;
  const done = measured(s, actual);
  if (done === null) return null;
  if (s.direction === 'Stay within budget') return round(Math.min(100, (done / expected) * 100), 1);
  return round((done / expected) * 100, 1);
}

/** The attainment a target contributes to weighted attainment: budget metrics capped at 100. */
export function weightedContribution(s: MetricSemantics, attainment: number | null): number | null {
  if (attainment === null) return null;
  return s.direction === 'Stay within budget' ? Math.min(100, attainment) : attainment;
}

/** How a status reads: 'success' (Ahead, Met), 'info' (On Track), 'error' (Behind, Missed, Over Budget). */
export function statusTone(status: string | null | undefined): 'success' | 'info' | 'error' | 'neutral' {
  switch (status) {
    case 'Ahead':
    case 'Met':
      return 'success';
    case 'On Track':
      return 'info';
    case 'Behind':
    case 'Missed':
    case 'Over Budget':
      return 'error';
    default:
      return 'neutral';
  }
}

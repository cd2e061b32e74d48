/**
 * What every generator of the seed shares: the options, the root random source (each generator forks its own
 * labelled stream from it, so adding data elsewhere does not shift another's), keys, the window of quarters
 * around the as-of date, and the fiscal years that get plans. Also the partner profile the per-partner
 * generators work from, and the arithmetic they have in common.
 */
import { FiscalCalendar, type FiscalQuarter } from '../fiscal';
import type { IsoDate } from '../periods';
import { Random } from '../random';
import { pad, type SeedOptions } from './records';
import type { Scale } from './scales';
import { FIRST_NAMES, LAST_NAMES } from './vocabulary';

export type Quarter = FiscalQuarter;

export interface SeedContext {
  options: SeedOptions;
  scale: Scale;
  asOf: IsoDate;
  /** The org's fiscal calendar: plans per fiscal year, targets per fiscal quarter, named as the org names them. */
  calendar: FiscalCalendar;
  root: Random;
  /** `s<seed>`: the start of every external key, so datasets of different seeds never collide. */
  keyPrefix: string;
  /** The window: the last four quarters, the current one and the next two. */
  quarters: Quarter[];
  /** The fiscal years that get a plan: those the window covers for at least two quarters. */
  fiscalYears: number[];
  currentFiscalYear: number;
}

/** A partner as the per-partner generators see it: its keys, tier, activity and the people who work it. */
export interface PartnerProfile {
  index: number;
  key: string;
  name: string;
  tier: string;
  /** How actively the pair works the partner: multiplies actions (and, through them, wins). */
  intensity: number;
  aeKey: string;
  secondAeKey: string;
  managerKey: string;
  customerKeys: string[];
  contactKey: string;
}

export function createContext(options: SeedOptions): SeedContext {
  const { seed, scale, asOf } = options;
  const calendar = options.calendar ?? new FiscalCalendar(options.fiscalYearStartMonth);
  const firstQuarter = calendar.shiftQuarter(asOf, -4);
  const quarters = Array.from({ length: 7 }, (_, i) => calendar.shiftQuarter(firstQuarter.start, i));
  const quartersPerYear = new Map<number, number>();
  for (const q of quarters) quartersPerYear.set(q.fiscalYear, (quartersPerYear.get(q.fiscalYear) ?? 0) + 1);
  return {
    options,
    scale,
    asOf,
    calendar,
    root: new Random(seed),
    keyPrefix: `s${seed}`,
    quarters,
    fiscalYears: [...quartersPerYear].filter(([, n]) => n >= 2).map(([fy]) => fy),
    currentFiscalYear: calendar.yearOf(asOf),
  };
}

/** An external key under the dataset's prefix: key(ctx, 'user', 'admin') -> s42-user-admin. */
export const key = (ctx: SeedContext, ...parts: (string | number)[]): string => [ctx.keyPrefix, ...parts].join('-');

/** The key of a partner's plan for a fiscal year. */
export const planKeyOf = (ctx: SeedContext, partnerIndex: number, fiscalYear: number): string =>
  key(ctx, 'plan', pad(partnerIndex + 1, 5), fiscalYear);

/** A name from the lists, spread so neighbouring indexes do not share a last name. */
export const person = (index: number): { firstName: string; lastName: string } => ({
  firstName: FIRST_NAMES[index % FIRST_NAMES.length],
  lastName: LAST_NAMES[(index * 7 + Math.floor(index / FIRST_NAMES.length)) % LAST_NAMES.length],
});

/** Win probability of a closed opportunity given the actions on it and the pair's intensity. */
export function winProbability(actions: number, intensity: number, noise: number): number {
  const p = 0.15 + 0.12 * Math.log1p(actions) + 0.08 * (intensity - 1) + noise;
  return Math.min(0.85, Math.max(0.05, p));
}

/** A target figure rounded to a believable step: 100s, 1,000s from 10,000, 5,000s from 100,000. */
export function roundTarget(value: number): number {
  const magnitude = value >= 100_000 ? 5000 : value >= 10_000 ? 1000 : 100;
  return Math.max(magnitude, Math.round(value / magnitude) * magnitude);
}

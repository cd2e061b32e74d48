/**
 * Fault injection for reliability testing, off by default: a fraction of API requests answered
 * 503 SERVER_UNAVAILABLE before anything else happens, and a fraction of the records of collection writes
 * and bulk ingest rows refused with UNABLE_TO_LOCK_ROW without being written. Decisions come from a seeded
 * PRNG, so the same seed and the same sequence of requests give the same faults.
 */
import type { WriteValues } from './dml';
import { SalesforceError } from './errors';

export interface FaultOptions {
  /** Seed of the pseudo-random sequence. */
  seed: number;
  /** Fraction (0-1) of API requests answered 503 SERVER_UNAVAILABLE. */
  unavailableRate: number;
  /** Fraction (0-1) of written records refused with UNABLE_TO_LOCK_ROW. */
  lockRate: number;
}

/** mulberry32: a small, fast PRNG with a 32-bit state; returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const serverUnavailable = (): SalesforceError =>
  new SalesforceError(503, 'SERVER_UNAVAILABLE', 'Server too busy');

/** The record-level error of a row lock timeout; `id` is the record whose lock could not be obtained. */
export const unableToLockRow = (id: string): SalesforceError =>
  new SalesforceError(
    400,
    'UNABLE_TO_LOCK_ROW',
    `unable to obtain exclusive access to this record or 1 records: ${id}`,
  );

/**
 * The record a new or upserted record would lock, its own Id not being known: its master-detail parent,
 * else its first lookup parent, else `fallback` (the owner).
 */
export function lockTarget(values: WriteValues, fallback: string): string {
  let lookup: string | undefined;
  for (const [field, value] of values) {
    if (typeof value !== 'string') continue;
    if (field.model.type === 'MasterDetail') return value;
    if (field.model.type === 'Lookup' && lookup === undefined) lookup = value;
  }
  return lookup ?? fallback;
}

function checkRate(name: string, rate: number): void {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1)
    throw new RangeError(`${name} must be between 0 and 1, not ${rate}`);
}

export class Faults {
  // Two independent streams: how many requests a client sends (polls, retries) must not shift which
  // records fail, and the other way round.
  private readonly requestRandom: () => number;
  private readonly recordRandom: () => number;

  constructor(readonly options: FaultOptions) {
    if (!Number.isInteger(options.seed)) throw new RangeError(`the fault seed must be an integer, not ${options.seed}`);
    checkRate('unavailableRate', options.unavailableRate);
    checkRate('lockRate', options.lockRate);
    this.requestRandom = seededRandom(options.seed);
    this.recordRandom = seededRandom(options.seed ^ 0x5bd1e995);
  }

  /** Whether the next API request is answered 503 (one draw per request). */
  unavailable(): boolean {
    return this.options.unavailableRate > 0 && this.requestRandom() < this.options.unavailableRate;
  }

  /** The lock error for the next record written (one draw per record), or undefined when it may be written. */
  lock(id: string): SalesforceError | undefined {
    if (this.options.lockRate <= 0 || this.recordRandom() >= this.options.lockRate) return undefined;
    return unableToLockRow(id);
  }
}

function rateFrom(env: NodeJS.ProcessEnv, name: string): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return 0;
  const rate = Number(text);
  checkRate(name, rate);
  return rate;
}

/**
 * Fault options from LOCALORG_FAULT_SEED, LOCALORG_FAULT_UNAVAILABLE_RATE and LOCALORG_FAULT_LOCK_RATE;
 * undefined when no rate is set.
 */
export function faultOptionsFromEnv(env: NodeJS.ProcessEnv): FaultOptions | undefined {
  const unavailableRate = rateFrom(env, 'LOCALORG_FAULT_UNAVAILABLE_RATE');
  const lockRate = rateFrom(env, 'LOCALORG_FAULT_LOCK_RATE');
  if (unavailableRate === 0 && lockRate === 0) return undefined;
  const seedText = env.LOCALORG_FAULT_SEED ?? '1';
  const seed = Number(seedText);
  if (!Number.isInteger(seed)) throw new RangeError(`LOCALORG_FAULT_SEED must be an integer, not ${seedText}`);
  return { seed, unavailableRate, lockRate };
}

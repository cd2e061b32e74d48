/**
 * The rollup's in-process scheduler (`npm run rollup -- --every 15m`): one run at once, the first at start and
 * then one per interval; a tick that comes while a run is still going is skipped, not queued. Stopping (the
 * signal aborts) ends the schedule once the current run has settled; the run itself gets the same signal,
 * so it can abandon its work and mark its record instead of finishing.
 */
import { InvalidArgumentError } from 'commander';

/** The shortest interval the command line accepts: each run costs API requests. */
export const MIN_INTERVAL_MS = 30_000;

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** Option parser: an interval such as 30s, 15m or 1h (at least 30s). */
export function parseInterval(text: string): number {
  const match = /^(\d+)([smh])$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError('expected an interval such as 30s, 15m or 1h');
  const ms = Number(match[1]) * UNITS[match[2]];
  if (ms < MIN_INTERVAL_MS) throw new InvalidArgumentError('the interval must be at least 30s');
  return ms;
}

export interface ScheduleOptions<T> {
  intervalMs: number;
  /** One run; tick counts from 1. */
  run: (tick: number, signal: AbortSignal) => Promise<T>;
  /** Stops the schedule (and is handed to the run in progress). */
  signal: AbortSignal;
  onResult?: (result: T, tick: number) => void;
  /** A run that threw: the schedule goes on with the next tick. */
  onError?: (error: unknown, tick: number) => void;
  /** A tick skipped because the run of `running` was still going. */
  onSkip?: (tick: number, running: number) => void;
}

export interface ScheduleOutcome {
  runs: number;
  skipped: number;
}

/** Runs `run` now and every interval until the signal aborts; resolves once the last run has settled. */
export function runSchedule<T>(options: ScheduleOptions<T>): Promise<ScheduleOutcome> {
  const { signal } = options;
  const outcome: ScheduleOutcome = { runs: 0, skipped: 0 };
  return new Promise((resolve) => {
    let tick = 0;
    let current: { tick: number; settled: Promise<void> } | undefined;
    const start = (): void => {
      tick++;
      if (current) {
        outcome.skipped++;
        options.onSkip?.(tick, current.tick);
        return;
      }
      const mine = tick;
      outcome.runs++;
      const settled = (async () => {
        try {
          // Awaited first: an absent onResult must not skip the run (`?.` skips its arguments).
          const result = await options.run(mine, signal);
          options.onResult?.(result, mine);
        } catch (error) {
          options.onError?.(error, mine);
        } finally {
          current = undefined;
        }
      })();
      current = { tick: mine, settled };
    };
    const timer = setInterval(start, options.intervalMs);
    const stop = (): void => {
      clearInterval(timer);
      void (current?.settled ?? Promise.resolve()).then(() => resolve(outcome));
    };
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    start();
  });
}

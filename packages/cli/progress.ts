/** Progress bars for long steps: bars on a terminal, nothing in --json mode or when output is piped. */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';

/** One step's bar: tick adds done items, done fills it. */
export interface ProgressStep {
  tick: (n: number) => void;
  done: () => void;
}

export class Progress {
  private readonly bars: MultiBar | undefined;

  constructor(enabled: boolean) {
    this.bars =
      enabled && process.stderr.isTTY
        ? new MultiBar(
            {
              format: ' {bar} {percentage}% | {value}/{total} | {step}',
              hideCursor: true,
              clearOnComplete: false,
              stream: process.stderr,
            },
            Presets.shades_classic,
          )
        : undefined;
  }

  /** A bar for one step; returns its tick and done functions. */
  step(label: string, total: number): ProgressStep {
    const bar: SingleBar | undefined = this.bars?.create(Math.max(total, 1), 0, { step: label });
    return {
      tick: (n) => bar?.increment(n),
      done: () => bar?.update(Math.max(total, 1)),
    };
  }

  /** Prints a line without breaking the bars. */
  log(line: string): void {
    if (this.bars) this.bars.log(`${line}\n`);
  }

  stop(): void {
    this.bars?.stop();
  }
}

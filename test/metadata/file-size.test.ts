/**
 * No hand-written source file is longer than 600 lines (a file that long does several jobs): code, tests and
 * LWC templates are counted; generated and compiled files, fixtures and results are not.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../../packages/model';
import { checkSourceFileSizes, MAX_SOURCE_LINES } from '../../packages/model/checks';

const lines = (n: number): string => 'x;\n'.repeat(n);

describe('source file sizes', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'file-size-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function write(files: Record<string, string>): void {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  }

  it('reports each hand-written file over the limit with its length, and nothing else', () => {
    write({
      'packages/org/long.ts': lines(MAX_SOURCE_LINES + 1),
      'packages/org/exact.ts': lines(MAX_SOURCE_LINES),
      'force-app/main/default/lwc/big/big.html': lines(MAX_SOURCE_LINES + 20),
      'force-app/main/default/lwc/big/big.ts': lines(10),
      // Compiled from big.ts, generated, built, fixtures and results: not source.
      'force-app/main/default/lwc/big/big.js': lines(MAX_SOURCE_LINES * 2),
      'generated/types/schema.d.ts': lines(MAX_SOURCE_LINES * 2),
      'packages/app/dist/app.js': lines(MAX_SOURCE_LINES * 2),
      'test/fixtures/big-fixture.ts': lines(MAX_SOURCE_LINES * 2),
      'node_modules/pkg/index.js': lines(MAX_SOURCE_LINES * 2),
      'README.md': lines(MAX_SOURCE_LINES * 2),
    });
    expect(checkSourceFileSizes(root)).toEqual([
      {
        file: join('force-app', 'main', 'default', 'lwc', 'big', 'big.html'),
        message: `${MAX_SOURCE_LINES + 20} lines: split it by responsibility (at most ${MAX_SOURCE_LINES})`,
      },
      {
        file: join('packages', 'org', 'long.ts'),
        message: `${MAX_SOURCE_LINES + 1} lines: split it by responsibility (at most ${MAX_SOURCE_LINES})`,
      },
    ]);
  });

  it('holds in this repository', () => {
    expect(checkSourceFileSizes(REPO_ROOT)).toEqual([]);
  });
});

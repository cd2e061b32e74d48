/** `npm run org -- --fiscal-year-start-month 4 --fiscal-year-name start`: kept by the data folder for later starts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { API_VERSION, orgDetailsOf } from '../support/localorg';
import { runOrgCli as runCli } from '../support/org-cli';

jest.setTimeout(60_000);

async function organization(line: string): Promise<Record<string, unknown>> {
  const conn = new Connection({ ...orgDetailsOf(line, 'the org CLI line'), version: API_VERSION });
  const result = await conn.query<Record<string, unknown>>(
    'SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName FROM Organization',
  );
  return result.records[0];
}

it('sets the fiscal year start and naming, and keeps them in the data folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localorg-fiscal-'));
  try {
    const first = await runCli([
      '--port',
      '0',
      '--data',
      dir,
      '--json',
      '--fiscal-year-start-month',
      '4',
      '--fiscal-year-name',
      'start',
    ]);
    expect(await organization(first.line ?? '')).toMatchObject({
      FiscalYearStartMonth: 4,
      UsesStartDateAsFiscalYearName: true,
    });
    await first.stop();
    const again = await runCli(['--port', '0', '--data', dir, '--json']);
    expect(await organization(again.line ?? '')).toMatchObject({
      FiscalYearStartMonth: 4,
      UsesStartDateAsFiscalYearName: true,
    });
    await again.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('refuses a naming other than start or end', async () => {
  const run = await runCli(['--port', '0', '--data', ':memory:', '--fiscal-year-name', 'middle']);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain("expected 'start' or 'end'");
});

/**
 * Multi-currency as an org option: off by default (no CurrencyIsoCode, no CurrencyType, amounts summed as
 * they are, currency-prefixed values unknown), turned on for an existing data folder (its records get the
 * corporate currency, as enabling multi-currency does in an org), and `--multi-currency` on the org CLI.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Connection } from 'jsforce';
import { startLocalOrg } from '../../packages/localorg/server';
import { REPO_ROOT } from '../../packages/model';
import { API_VERSION, orgDetailsOf, startTestOrg } from '../support/localorg';
import { queryError } from '../support/security';

jest.setTimeout(60_000);

type Rec = Record<string, unknown>;

it('is off by default: the org keeps one currency', async () => {
  const t = await startTestOrg();
  try {
    const fields = (await t.conn.sobject('Opportunity').describe()).fields.map((f) => f.name);
    expect(fields).not.toContain('CurrencyIsoCode');
    expect((await queryError(t.conn, 'SELECT Id FROM CurrencyType')).errorCode).toBe('INVALID_TYPE');
    await t.conn.sobject('Opportunity').create([
      { Name: 'a', StageName: 'Prospecting', CloseDate: '2026-05-15', Amount: 900 },
      { Name: 'b', StageName: 'Prospecting', CloseDate: '2026-05-15', Amount: 400 },
    ]);
    const [sum] = (await t.conn.query<Rec>('SELECT SUM(Amount) total FROM Opportunity')).records;
    expect(sum.total).toBe(1300);
    const prefixed = await queryError(t.conn, 'SELECT Id FROM Opportunity WHERE Amount > USD5');
    expect([prefixed.errorCode, prefixed.message]).toEqual(['MALFORMED_QUERY', expect.stringContaining('USD5')]);
  } finally {
    await t.close();
  }
});

it('gives the records of an existing data folder the corporate currency when it is turned on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localorg-currency-'));
  try {
    const single = await startLocalOrg({ port: 0, data: dir });
    const conn1 = new Connection({
      instanceUrl: single.instanceUrl,
      accessToken: single.accessToken,
      version: API_VERSION,
    });
    await conn1
      .sobject('Opportunity')
      .create({ Name: 'Old', StageName: 'Prospecting', CloseDate: '2026-05-15', Amount: 50 });
    await single.close();

    const multi = await startLocalOrg({
      port: 0,
      data: dir,
      multiCurrency: { corporate: 'EUR', currencies: [{ isoCode: 'USD', conversionRate: 1.25 }] },
    });
    try {
      const conn2 = new Connection({
        instanceUrl: multi.instanceUrl,
        accessToken: multi.accessToken,
        version: API_VERSION,
      });
      await conn2.sobject('Opportunity').create({
        Name: 'New',
        StageName: 'Prospecting',
        CloseDate: '2026-05-15',
        Amount: 125,
        CurrencyIsoCode: 'USD',
      });
      const rows = (
        await conn2.query<Rec>(
          'SELECT Name, CurrencyIsoCode, convertCurrency(Amount) eur FROM Opportunity ORDER BY Name',
        )
      ).records;
      expect(rows.map((r) => [r.Name, r.CurrencyIsoCode, r.eur])).toEqual([
        ['New', 'USD', 100], // 125 / 1.25
        ['Old', 'EUR', 50],
      ]);
      const [sum] = (await conn2.query<Rec>('SELECT SUM(Amount) total FROM Opportunity')).records;
      expect(sum.total).toBe(150);
    } finally {
      await multi.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('turns it on with --multi-currency on the org CLI', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localorg-currency-cli-'));
  const child = spawn(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(REPO_ROOT, 'packages', 'localorg', 'cli.ts'),
      ...['--port', '0', '--data', dir, '--json', '--multi-currency'],
    ],
    { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`org exited with ${code}`)));
    });
    const conn = new Connection({ ...orgDetailsOf(line, "the org CLI's --json line"), version: API_VERSION });
    const codes = (await conn.query<Rec>('SELECT IsoCode FROM CurrencyType ORDER BY IsoCode')).records;
    expect(codes.map((r) => r.IsoCode)).toEqual(['EUR', 'GBP', 'JPY', 'USD']);
  } finally {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  }
});

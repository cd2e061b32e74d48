/**
 * Measures a Bulk API 2.0 insert of 100,000 records into an in-memory local org, through jsforce as a client
 * would: `npx tsx bench/bulk-ingest.ts [rows]`. Prints the time from upload to completion and the whole call.
 */
import { Connection } from 'jsforce';
import { startLocalOrg } from '../localorg/server';

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 100_000);
  const org = await startLocalOrg({ port: 0, data: ':memory:', apiDailyLimit: 1_000_000 });
  try {
    const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: '66.0' });
    conn.bulk2.pollInterval = 100;
    conn.bulk2.pollTimeout = 600_000;
    const lines = ['Name,External_Key__c,Partner_Type__c,AnnualRevenue'];
    for (let i = 0; i < rows; i++) lines.push(`Account ${i},BENCH-${i},Reseller,${(i % 1000) * 1000}`);
    const csv = `${lines.join('\n')}\n`;
    const started = Date.now();
    const result = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'insert', input: csv });
    const seconds = (Date.now() - started) / 1000;
    const jobs = (await conn.request<{ records: { id: string }[] }>('/services/data/v66.0/jobs/ingest')).records;
    const info = await conn.request<{ totalProcessingTime: number; numberRecordsProcessed: number }>(
      `/services/data/v66.0/jobs/ingest/${jobs[jobs.length - 1].id}`,
    );
    console.log(
      `${rows} rows: ${result.successfulResults.length} succeeded, ${result.failedResults.length} failed; ` +
        `processing ${(info.totalProcessingTime / 1000).toFixed(2)} s, whole call (upload, poll, results) ${seconds.toFixed(2)} s`,
    );
  } finally {
    await org.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * The local org as its own process for the benchmark, so its memory can be measured apart from the
 * clients driving it. Started by bench/org-process.ts over an IPC channel: it reports its connection
 * details once listening, answers `peak-memory` with its peak resident set size, and closes on `close`
 * (or when the parent goes away).
 */
import { startLocalOrg } from '@partner-planning/localorg';

export type ChildRequest = { type: 'peak-memory' } | { type: 'close' };
export type ChildReply =
  | { type: 'ready'; instanceUrl: string; accessToken: string; adminUserId: string }
  | { type: 'peak-memory'; maxRssKb: number }
  | { type: 'failed'; message: string };

function send(reply: ChildReply): void {
  process.send?.(reply);
}

async function main(): Promise<void> {
  const [dataDir, apiDailyLimit] = process.argv.slice(2);
  if (!dataDir || !process.send) throw new Error('org-child runs only from bench/org-process.ts');
  // The large scale (about 1.3 million records, 2.6 GB at 2 KB each) outgrows a scratch org's 200 MB.
  const org = await startLocalOrg({
    port: 0,
    data: dataDir,
    apiDailyLimit: Number(apiDailyLimit),
    dataStorageMB: 100_000,
  });
  const close = (): void => {
    org.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('message', (message: ChildRequest) => {
    if (message.type === 'peak-memory') send({ type: 'peak-memory', maxRssKb: process.resourceUsage().maxRSS });
    else if (message.type === 'close') close();
  });
  process.on('disconnect', close);
  send({ type: 'ready', instanceUrl: org.instanceUrl, accessToken: org.accessToken, adminUserId: org.adminUserId });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});

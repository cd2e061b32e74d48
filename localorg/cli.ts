/**
 * `npm run org`: runs the local org in the foreground until SIGINT/SIGTERM.
 * Prints the instance URL and the admin's username, password and access token (or all of it as JSON).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { SHARED_DEV_PASSWORD } from './auth';
import { startLocalOrg } from './server';

function portNumber(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('expected a port number 0-65535');
  return port;
}

async function main(): Promise<void> {
  const program = new Command('org')
    .description('Run the local org: a Salesforce REST API over SQLite, compiled from force-app, on 127.0.0.1.')
    .option('--port <port>', 'TCP port (0 picks a free one)', portNumber, 6110)
    .option('--data <dir>', 'data folder holding org.sqlite and auth.json', '.localorg')
    .option('--reset', 'delete the data folder first')
    .option('--json', 'print the connection details as one JSON line')
    .parse();
  const opts = program.opts<{ port: number; data: string; reset?: boolean; json?: boolean }>();
  const dataDir = resolve(opts.data);
  if (opts.reset) rmSync(dataDir, { recursive: true, force: true });
  const org = await startLocalOrg({ port: opts.port, data: dataDir });
  const details = {
    instanceUrl: org.instanceUrl,
    accessToken: org.accessToken,
    username: org.adminUsername,
    password: org.adminPassword,
    userId: org.adminUserId,
    data: dataDir,
  };
  if (opts.json) {
    console.log(JSON.stringify(details));
  } else {
    console.log(`Local org listening on ${org.instanceUrl}`);
    console.log(`  admin username  ${details.username}`);
    console.log(`  admin password  ${details.password}`);
    console.log(`  access token    ${details.accessToken}`);
    console.log(`  data            ${dataDir} (auth.json holds these details)`);
    console.log(`Other users log in with the shared dev password '${SHARED_DEV_PASSWORD}' until one is set for them.`);
    console.log('Press Ctrl+C to stop.');
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    org.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`org: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

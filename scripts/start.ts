/**
 * `npm start`: the whole project on this machine with no Salesforce account. Starts the local org
 * (keeping the data in .localorg/ between runs), seeds the small demo scale when the org has no plans yet,
 * shares plans with the people named on their targets, runs the rollup, moves plans along by their dates
 * (Active, Closed) with their review reminders (`plans advance`), builds the local app when
 * packages/app/dist is missing or stale, serves it, and keeps both serving until Ctrl+C.
 */
import { resolve } from 'node:path';
import { Option } from 'commander';
import { commandProgram, portNumber, Progress, runProgram, wholeNumber, type JsonOption } from '@partner-planning/cli';
import { ACCESS_SYNC_SECONDS, appIsUpToDate, buildApp, APP_PORT, startAppServer } from '@partner-planning/app';
import { SHARED_DEV_PASSWORD, startLocalOrg } from '@partner-planning/localorg';
import {
  connect,
  LOCAL_ORG_PORT,
  toIso,
  runAccessSync,
  runPlanAdvance,
  runRecordedRollup,
  runSeed,
  parseScale,
  RollupBusyError,
  type OrgSession,
} from '@partner-planning/jobs';

interface StartOptions extends JsonOption {
  port: number;
  appPort: number;
  data: string;
  scale: string;
  dataStorageMb?: number;
  accessSyncSeconds: number;
}

const program = commandProgram(
  'start',
  'Run the local org with demo data and fresh rollups, until Ctrl+C.',
  'print the connection details as one JSON result, like sf commands',
)
  .addOption(new Option('--port <port>', 'local org port').default(LOCAL_ORG_PORT).argParser(portNumber))
  .addOption(new Option('--app-port <port>', 'local app port').default(APP_PORT).argParser(portNumber))
  .addOption(new Option('--data <dir>', 'local org data folder').default('.localorg'))
  .addOption(new Option('--scale <scale>', 'demo data scale to seed into an empty org').default('small'))
  .addOption(
    // The large scale takes about 3 GB at Salesforce's 2 KB a record: raise the maximum to seed it.
    new Option('--data-storage-mb <mb>', "the org's data storage maximum (default 200, a scratch org's)").argParser(
      wholeNumber,
    ),
  )
  .addOption(
    new Option(
      '--access-sync-seconds <seconds>',
      "seconds between the app server's plan access syncs, as a scheduled job (0: only before each rollup)",
    )
      .default(ACCESS_SYNC_SECONDS)
      .argParser(wholeNumber),
  );

/**
 * Gives the admin Set Audit Fields upon Record Creation (Partner_Planning_Data_Load), as setup:scratch does,
 * so the demo data carries realistic creation dates; the org setting comes from the scratch definition.
 */
async function grantDataLoad(session: OrgSession, adminUserId: string): Promise<void> {
  const set = await session.conn.query<{ Id: string }>(
    "SELECT Id FROM PermissionSet WHERE Name = 'Partner_Planning_Data_Load'",
  );
  const held = await session.conn.query(
    `SELECT COUNT() FROM PermissionSetAssignment WHERE AssigneeId = '${adminUserId}' AND PermissionSetId = '${set.records[0].Id}'`,
  );
  if (held.totalSize === 0)
    await session.conn
      .sobject('PermissionSetAssignment')
      .create({ AssigneeId: adminUserId, PermissionSetId: set.records[0].Id });
}

async function start(options: StartOptions): Promise<void> {
  const scale = parseScale(options.scale);
  const started = Date.now();
  const log = (line: string): void => {
    if (!options.json) process.stdout.write(`${line}\n`);
  };
  const org = await startLocalOrg({
    port: options.port,
    data: resolve(options.data),
    dataStorageMB: options.dataStorageMb,
  });
  log(`Local org listening on ${org.instanceUrl}`);
  let closeApp = (): Promise<void> => Promise.resolve();
  const stop = (): void => {
    Promise.all([closeApp(), org.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const session = await connect({}, { SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
  const progress = new Progress(!options.json);
  const asOf = toIso(new Date());
  const plans = await session.conn.query('SELECT COUNT() FROM Partner_Account_Plan__c');
  let seeded = false;
  if (plans.totalSize === 0) {
    await grantDataLoad(session, org.adminUserId);
    log(`Seeding the ${scale.name} demo data...`);
    const report = await runSeed(session, { scale, seed: 42, asOf, partnersPerChunk: 50, progress });
    if (report.failures.length > 0)
      throw new Error(`the seed failed for ${report.failures.length} record(s): ${report.failures[0].message}`);
    seeded = true;
  }
  // Every start, so an org seeded before also gives the people named on targets and the partner users their plans.
  log('Syncing plan access (the people named on targets, the partner users of plans in review or agreed)...');
  const access = await runAccessSync(session, { onStep: (s, n) => progress.step(s, n) });
  if (access.failures.length > 0)
    throw new Error(`the access sync failed for ${access.failures.length} share(s): ${access.failures[0].message}`);
  log(`  people on targets: ${access.inserted} share(s) added, ${access.updated} set back, ${access.deleted} removed`);
  log(
    `  partner users: ${access.partner.inserted} share(s) added, ${access.partner.updated} changed, ${access.partner.deleted} removed`,
  );
  for (const note of access.notes) log(`  note: ${note}`);
  log('Rolling up targets...');
  // Recorded in the run history; a run still going (or cut short by a Ctrl+C within the hour) is not waited for.
  const rollup = await runRecordedRollup(session, {
    asOf,
    dryRun: false,
    now: new Date().toISOString(),
    onStep: (s, n) => progress.step(s, n),
    triggeredBy: 'Manual',
  }).then(
    (recorded) => recorded.report,
    (error: unknown) => {
      if (!(error instanceof RollupBusyError)) throw error;
      log(`  skipped: ${error.message}`);
      return undefined;
    },
  );
  // After the rollup, so a plan whose period ended closes on the stamp this rollup wrote.
  const advance = await runPlanAdvance(session, { asOf });
  log(
    `Plans advanced by their dates: ${advance.activated.length} activated, ${advance.closed.length} closed, ${advance.skipped.length} skipped; ${advance.reminders.created.length} review reminder(s) created${advance.failures.length > 0 ? `; ${advance.failures.length} failed, the first: ${advance.failures[0].message}` : ''}.`,
  );
  progress.stop();
  await session.close();
  if (appIsUpToDate()) {
    log('The app is up to date (packages/app/dist).');
  } else {
    log('Building the app into packages/app/dist (a minute or two)...');
    const built = await buildApp((line) => log(line));
    log(`  built in ${built.seconds}s: ${built.modules} modules.`);
  }
  const app = await startAppServer({
    port: options.appPort,
    orgUrl: org.instanceUrl,
    adminUsername: org.adminUsername,
    adminToken: org.accessToken,
    adminPassword: org.adminPassword,
    accessSyncSeconds: options.accessSyncSeconds,
  });
  closeApp = app.close;
  const details = {
    instanceUrl: org.instanceUrl,
    appUrl: app.url,
    username: org.adminUsername,
    password: org.adminPassword,
    accessToken: org.accessToken,
    seeded,
    targetsRolledUp: rollup?.read.targets ?? 0,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ status: 0, result: details, warnings: [] })}\n`);
  } else {
    log(`Ready in ${details.seconds}s: ${rollup?.read.targets ?? 0} targets rolled up.`);
    log(`  app             ${app.url}  (switch users in its header, partner users included)`);
    log(
      options.accessSyncSeconds > 0
        ? `  plan access     synced every ${options.accessSyncSeconds} s and before each rollup`
        : '  plan access     synced before each rollup',
    );
    log(`  admin username  ${details.username}`);
    log(`  admin password  ${details.password}`);
    log(`  access token    ${details.accessToken}`);
    log(`  seeded users log in with the shared dev password '${SHARED_DEV_PASSWORD}'`);
    log('Use it from jsforce, the sf CLI or the scripts (`npm run rollup -- --target-org local`). Ctrl+C stops.');
  }
}

// A failure is reported by runProgram, which also ends the process (and so the org it may have started).
program.action((options: StartOptions) => start(options));

void runProgram(program);

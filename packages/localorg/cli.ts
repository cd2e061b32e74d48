/**
 * `npm run org`: runs the local org in the foreground until SIGINT/SIGTERM.
 * Prints the instance URL and the admin's username, password and access token (or all of it as JSON).
 */
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { commandProgram, portNumber, runProgram, wholeNumber, type JsonOption } from '@partner-planning/cli';
import { SHARED_DEV_PASSWORD } from './auth';
import { faultOptionsFromEnv, type FaultOptions } from './faults';
import { startLocalOrg } from './server';

function positiveMinutes(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected minutes above 0');
  return n;
}

function positiveNumber(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number above 0');
  return n;
}

function rate(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError('expected a fraction from 0 to 1');
  return n;
}

function monthNumber(text: string): number {
  const n = Number(text);
  if (!/^\d{1,2}$/.test(text.trim()) || n < 1 || n > 12)
    throw new InvalidArgumentError('expected a month from 1 to 12');
  return n;
}

/** `start` names a fiscal year after the calendar year it starts in (UsesStartDateAsFiscalYearName). */
function fiscalYearName(text: string): 'start' | 'end' {
  if (text !== 'start' && text !== 'end') throw new InvalidArgumentError("expected 'start' or 'end'");
  return text;
}

interface OrgOptions extends JsonOption {
  port: number;
  data: string;
  project?: string;
  reset?: boolean;
  apiDailyLimit?: number;
  faultSeed?: number;
  faultUnavailableRate?: number;
  faultLockRate?: number;
  lockoutMinutes?: number;
  sessionTimeoutMinutes?: number;
  dataStorageMb?: number;
  multiCurrency?: boolean;
  sampleData?: boolean;
  auditFields?: boolean;
  fiscalYearStartMonth?: number;
  fiscalYearName?: 'start' | 'end';
  partnerLicenses?: number;
}

/** Faults from the flags, else from LOCALORG_FAULT_* environment variables; undefined for none. */
function faultsFrom(opts: OrgOptions): FaultOptions | undefined {
  if (opts.faultSeed === undefined && opts.faultUnavailableRate === undefined && opts.faultLockRate === undefined) {
    return faultOptionsFromEnv(process.env);
  }
  return {
    seed: opts.faultSeed ?? 1,
    unavailableRate: opts.faultUnavailableRate ?? 0,
    lockRate: opts.faultLockRate ?? 0,
  };
}

async function runOrg(opts: OrgOptions): Promise<void> {
  const dataDir = resolve(opts.data);
  const faults = faultsFrom(opts);
  // The reset happens inside the start, under the data folder's lock: a folder in use is refused, untouched.
  const org = await startLocalOrg({
    port: opts.port,
    data: dataDir,
    forceAppRoot: opts.project === undefined ? undefined : resolve(opts.project),
    reset: opts.reset,
    apiDailyLimit: opts.apiDailyLimit,
    faults,
    lockoutMinutes: opts.lockoutMinutes,
    sessionTimeoutMinutes: opts.sessionTimeoutMinutes,
    dataStorageMB: opts.dataStorageMb,
    multiCurrency: opts.multiCurrency,
    sampleData: opts.sampleData,
    auditFields: opts.auditFields,
    fiscalYearStartMonth: opts.fiscalYearStartMonth,
    fiscalYearNameStart: opts.fiscalYearName === undefined ? undefined : opts.fiscalYearName === 'start',
    partnerLicenses: opts.partnerLicenses,
  });
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
    if (faults) {
      console.log(
        `Injecting faults (seed ${faults.seed}): ${faults.unavailableRate * 100}% of requests answer 503, ${faults.lockRate * 100}% of written records fail with UNABLE_TO_LOCK_ROW.`,
      );
    }
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

const program = commandProgram(
  'org',
  'Run the local org: a Salesforce REST API over SQLite, compiled from force-app, on 127.0.0.1.',
  'print the connection details as one JSON line',
)
  .option('--port <port>', 'TCP port (0 picks a free one)', portNumber, 6110)
  .option('--data <dir>', 'data folder holding org.sqlite and auth.json', '.localorg')
  .option(
    '--project <dir>',
    'the Salesforce DX project whose force-app and sfdx-project.json define the schema (default: this repository)',
  )
  .option('--reset', 'delete the data folder first (refused while another org uses it)')
  .option('--api-daily-limit <n>', 'daily API request allowance (default 15000, as Developer Edition)', wholeNumber)
  .option('--lockout-minutes <n>', 'lockout after 10 failed logins in a row (default 15)', positiveMinutes)
  .option('--session-timeout-minutes <n>', 'tokens expire after this long unused (default 120)', positiveMinutes)
  .option(
    '--data-storage-mb <n>',
    "data storage maximum, enforced at create (default 200, a scratch org's)",
    positiveNumber,
  )
  .option('--multi-currency', 'multiple currencies: USD corporate, EUR, GBP, JPY (CurrencyIsoCode, CurrencyType)')
  .option(
    '--sample-data',
    "load a scratch org's sample data (accounts, contacts, opportunities, leads) into a new org; default: the project's config/project-scratch-def.json hasSampleData",
  )
  .option(
    '--audit-fields',
    "enable 'Set Audit Fields upon Record Creation' for users with CreateAuditFields; default: the project's config/project-scratch-def.json securitySettings.enableAuditFieldsInactiveOwner",
  )
  .option(
    '--fiscal-year-start-month <n>',
    'first month (1-12) of the standard fiscal year (default 1; kept by the data folder)',
    monthNumber,
  )
  .option(
    '--fiscal-year-name <start|end>',
    'name a fiscal year after the calendar year it starts or ends in (default end; kept by the data folder)',
    fiscalYearName,
  )
  .option(
    '--partner-licenses <n>',
    'Partner Community licences for partner users (default 50; kept by the data folder)',
    wholeNumber,
  )
  .option('--fault-seed <n>', 'seed of injected faults: the same seed and requests give the same faults', wholeNumber)
  .option('--fault-unavailable-rate <r>', 'fraction of API requests answered 503 SERVER_UNAVAILABLE', rate)
  .option('--fault-lock-rate <r>', 'fraction of written records refused with UNABLE_TO_LOCK_ROW', rate)
  .action((opts: OrgOptions) => runOrg(opts));

// A failure to start is reported in the project's one error format (text, or JSON with --json).
void runProgram(program);

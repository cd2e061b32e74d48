/**
 * The steps of the one-command scratch-org setup, each through the CLI boundary (commands.ts): the scratch
 * org (reused when the alias already names one), the components' build, the deploy, the permission sets of
 * the admin running user, the record pages' activation (app defaults in the deployed metadata), publishing the
 * partner portal (an Experience Cloud site), the admin's role (partner accounts' owner needs one), the seed, the plan
 * access sync, the rollup and the login URL. Each step is safe to repeat: it reuses, upserts or writes
 * only what changed, and says what it did; a failure names the command, its message and what to do.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadForceApp, REPO_ROOT } from '@partner-planning/model';
import { lastLines, runJson, type CommandName, type CommandRunner, type JsonOutcome } from './commands';

/** The scratch org definition the org is created from. */
export const SCRATCH_DEFINITION = 'config/project-scratch-def.json';

/**
 * The admin running user's permission sets: the app, its tabs and full access to the package's records
 * (Partner_Planning_Admin), the computed fields the rollup step writes as this user (Partner_Planning_Rollup),
 * and Set Audit Fields upon Record Creation, so the seed loads realistic creation dates (Partner_Planning_Data_Load;
 * the scratch definition turns on the org setting it needs).
 */
export const ADMIN_PERMISSION_SETS = [
  'Partner_Planning_Admin',
  'Partner_Planning_Rollup',
  'Partner_Planning_Data_Load',
] as const;

export interface ScratchSetupOptions {
  alias: string;
  devHub?: string;
  scale: string;
  durationDays: number;
  setDefault: boolean;
}

/** What a step did: `done`, `reused` (the org existed), `skipped` (nothing to do here), or it failed. */
export type StepStatus = 'done' | 'reused' | 'skipped' | 'failed' | 'not run';

/** Why a step failed: the command, its exit code, its message and what to do about it. */
export interface StepFailure {
  command: string;
  exitCode: number;
  message: string;
  hint: string;
}

export interface StepOutcome {
  status: Exclude<StepStatus, 'failed' | 'not run'>;
  detail: string;
}

/** What the steps share: the options, the runner and what earlier steps learned about the org. */
export interface SetupContext {
  options: ScratchSetupOptions;
  run: CommandRunner;
  org: { username?: string; instanceUrl?: string; loginUrl?: string };
}

export interface SetupStep {
  name: string;
  title: string;
  run: (ctx: SetupContext) => Promise<StepOutcome>;
}

/** A failed step, thrown by the step and turned into its report. */
export class StepError extends Error {
  override name = 'StepError';
  constructor(readonly failure: StepFailure) {
    super(failure.message);
  }
}

/** A command as the user would type it to see the failure themselves: quoted where needed, without --json. */
const commandLine = (command: CommandName, args: readonly string[]): string =>
  [command, ...args.filter((a) => a !== '--json').map((a) => (/^[\w./:=@-]+$/.test(a) ? a : JSON.stringify(a)))].join(
    ' ',
  );

/** Runs a JSON command; a non-zero status becomes a StepError with the command's own message. */
async function mustSucceed(
  ctx: SetupContext,
  command: CommandName,
  args: readonly string[],
  hint: string,
  describe?: (outcome: JsonOutcome) => string | undefined,
): Promise<JsonOutcome> {
  const outcome = await runJson(ctx.run, command, args);
  if (outcome.status === 0 && outcome.exitCode === 0) return outcome;
  throw new StepError({
    command: commandLine(command, args),
    exitCode: outcome.exitCode || outcome.status || 1,
    message: describe?.(outcome) ?? outcome.message ?? (lastLines(outcome.stderr) || 'it failed without a message'),
    hint,
  });
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const records = (value: unknown): Record<string, unknown>[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).filter(
    (v): v is Record<string, unknown> => typeof v === 'object' && v !== null,
  );

/** The local org (README, Local org) listens on the loopback interface: a rehearsal target, never production. */
const isLocalOrg = (instanceUrl: string | undefined): boolean =>
  /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(instanceUrl ?? '');

const rerun = (ctx: SetupContext): string => `npm run setup:scratch -- --alias ${ctx.options.alias}`;

/** Reuses the org the alias names (a scratch org still active, or the local org), or creates a scratch org. */
async function scratchOrg(ctx: SetupContext): Promise<StepOutcome> {
  const { alias } = ctx.options;
  const display = await runJson(ctx.run, 'sf', ['org', 'display', '--target-org', alias, '--json']);
  if (display.status === 0) {
    const r = display.result;
    const username = text(r.username);
    const instanceUrl = text(r.instanceUrl);
    const isScratch = text(r.devHubId) !== undefined;
    if (isScratch && text(r.status) && r.status !== 'Active') {
      throw new StepError({
        command: commandLine('sf', ['org', 'display', '--target-org', alias]),
        exitCode: 1,
        message: `The scratch org ${alias} (${username ?? 'unknown user'}) is ${String(r.status)}${text(r.expirationDate) ? ` since ${String(r.expirationDate)}` : ''}.`,
        hint: `Delete it (\`sf org delete scratch --target-org ${alias} --no-prompt\`) and rerun \`${rerun(ctx)}\` to create a new one.`,
      });
    }
    if (!isScratch && !isLocalOrg(instanceUrl)) {
      throw new StepError({
        command: commandLine('sf', ['org', 'display', '--target-org', alias]),
        exitCode: 1,
        message: `The alias ${alias} names ${username ?? 'an org'} at ${instanceUrl ?? 'an unknown URL'}, which is not a scratch org. This setup deploys and loads demo data, so it only sets up scratch orgs (and the local org).`,
        hint: 'Pass an alias that names no org yet, to create a scratch org under it.',
      });
    }
    ctx.org = { username, instanceUrl };
    const which = isScratch
      ? `scratch org${text(r.expirationDate) ? `, expires ${String(r.expirationDate)}` : ''}`
      : 'the local org';
    return { status: 'reused', detail: `${alias} is ${username ?? 'an org'} (${which})` };
  }
  if (display.name !== 'NamedOrgNotFoundError') {
    throw new StepError({
      command: commandLine('sf', ['org', 'display', '--target-org', alias]),
      exitCode: display.exitCode || 1,
      message: display.message ?? `the org ${alias} cannot be read`,
      hint: `Log in to it again (\`sf org login web --alias ${alias}\`), or free the alias (\`sf alias unset ${alias}\`) to create a new scratch org under it.`,
    });
  }
  const args = [
    'org',
    'create',
    'scratch',
    '--definition-file',
    SCRATCH_DEFINITION,
    '--alias',
    alias,
    '--duration-days',
    String(ctx.options.durationDays),
    '--wait',
    '30',
    ...(ctx.options.devHub ? ['--target-dev-hub', ctx.options.devHub] : []),
    ...(ctx.options.setDefault ? ['--set-default'] : []),
    '--json',
  ];
  const created = await mustSucceed(
    ctx,
    'sf',
    args,
    ctx.options.devHub
      ? `Check that ${ctx.options.devHub} is a Dev Hub you are logged in to (\`sf org list\`) with scratch orgs left today, then rerun.`
      : 'Log in to a Dev Hub first (`sf org login web --set-default-dev-hub --alias devhub`) or pass --dev-hub <alias>, then rerun.',
  );
  const username = text(created.result.username);
  const auth = created.result.authFields;
  const instanceUrl =
    typeof auth === 'object' && auth !== null ? text((auth as Record<string, unknown>).instanceUrl) : undefined;
  ctx.org = { username, instanceUrl };
  return {
    status: 'done',
    detail: `created ${username ?? alias} for ${ctx.options.durationDays} day(s)${ctx.options.setDefault ? ', the default org' : ''}`,
  };
}

/** Compiles the components' TypeScript to the .js files a deploy sends (`npm run build`). */
async function build(ctx: SetupContext): Promise<StepOutcome> {
  const args = ['run', '--silent', 'build'];
  const output = await ctx.run('npm', args);
  if (output.exitCode !== 0) {
    throw new StepError({
      command: commandLine('npm', args),
      exitCode: output.exitCode,
      message: lastLines(`${output.stdout}\n${output.stderr}`, 10) || 'the build failed without a message',
      hint: 'Fix the errors in force-app/main/default/lwc (`npm run build` shows them all), then rerun.',
    });
  }
  return { status: 'done', detail: 'components compiled' };
}

/** The component failures of a deploy result, one line each: type, name, line and Salesforce's problem text. */
function componentFailures(result: Record<string, unknown>): string[] {
  const details = result.details;
  const failures = records(
    typeof details === 'object' && details !== null
      ? (details as Record<string, unknown>).componentFailures
      : undefined,
  );
  return failures.map((f) => {
    const where = num(f.lineNumber) > 0 ? ` (line ${num(f.lineNumber)})` : '';
    return `${text(f.componentType) ?? 'component'} ${text(f.fullName) ?? '?'}${where}: ${text(f.problem) ?? 'failed'}`;
  });
}

/** `sf project deploy start` of force-app: deploying the same source again changes nothing. */
async function deploy(ctx: SetupContext): Promise<StepOutcome> {
  const args = ['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', ctx.options.alias];
  const outcome = await mustSucceed(
    ctx,
    'sf',
    [...args, '--wait', '33', '--json'],
    `Fix the components named above in force-app, then rerun \`${rerun(ctx)}\` (the org is reused).`,
    (failed) => {
      const lines = componentFailures(failed.result);
      if (lines.length === 0) return undefined;
      const shown = lines.slice(0, 10).map((l) => `  ${l}`);
      if (lines.length > 10) shown.push(`  ... and ${lines.length - 10} more`);
      return `${failed.message ?? 'Deploy failed.'}\n${shown.join('\n')}`;
    },
  );
  const files = records(outcome.result.files);
  const count = num(outcome.result.numberComponentsDeployed) || files.length;
  return { status: 'done', detail: `${count} component(s) deployed` };
}

/** Salesforce's answer to assigning a permission set the user already has. */
const alreadyAssigned = (failure: Record<string, unknown>): boolean =>
  /Duplicate PermissionSetAssignment/i.test(text(failure.message) ?? '') ||
  records(failure.details).some((d) => d.errorCode === 'DUPLICATE_VALUE');

/** Assigns each permission set the admin needs; one the user already has is reported, not an error. */
async function permissions(ctx: SetupContext): Promise<StepOutcome> {
  const assigned: string[] = [];
  const had: string[] = [];
  for (const name of ADMIN_PERMISSION_SETS) {
    const args = ['org', 'assign', 'permset', '--name', name, '--target-org', ctx.options.alias, '--json'];
    const outcome = await runJson(ctx.run, 'sf', args);
    const failures = records(outcome.result.failures);
    if (outcome.status === 0 && failures.length === 0) assigned.push(name);
    else if (failures.length > 0 && failures.every(alreadyAssigned)) had.push(name);
    else {
      throw new StepError({
        command: commandLine('sf', args),
        exitCode: outcome.exitCode || outcome.status || 1,
        message: text(failures[0]?.message) ?? outcome.message ?? `assigning ${name} failed`,
        hint: `Check that the deploy created ${name} (\`sf org list metadata --metadata-type PermissionSet --target-org ${ctx.options.alias}\`), then rerun.`,
      });
    }
  }
  const parts = [
    assigned.length > 0 ? `assigned ${assigned.join(', ')}` : '',
    had.length > 0 ? `already assigned ${had.join(', ')}` : '',
    await marketingUser(ctx),
  ];
  return { status: 'done', detail: parts.filter(Boolean).join('; ') };
}

/** Turns on the admin's Marketing User checkbox: an org refuses to create the seed's campaigns without it. */
async function marketingUser(ctx: SetupContext): Promise<string> {
  const username = ctx.org.username;
  if (!username) return '';
  const args = [
    'data',
    'update',
    'record',
    '--sobject',
    'User',
    '--where',
    `Username='${username}'`,
    '--values',
    'UserPermissionsMarketingUser=true',
    '--target-org',
    ctx.options.alias,
    '--json',
  ];
  const outcome = await runJson(ctx.run, 'sf', args);
  if (outcome.status !== 0) {
    throw new StepError({
      command: commandLine('sf', args),
      exitCode: outcome.exitCode || outcome.status || 1,
      message: outcome.message ?? 'turning on Marketing User failed',
      hint: `Turn on Marketing User on your user in Setup (Users), then rerun.`,
    });
  }
  return 'Marketing User on';
}

/**
 * The record pages are activated by the deploy itself: the app's action overrides make them the Partner
 * Planning app's defaults (the platform's supported, deployable assignment). This step says which.
 */
async function activation(): Promise<StepOutcome> {
  const overrides = loadForceApp().applications.flatMap((app) =>
    app.actionOverrides
      .filter((o) => o.type.toLowerCase() === 'flexipage' && o.actionName.toLowerCase() === 'view')
      .map((o) => `${o.pageOrSobjectType} → ${o.content} (${app.label}, ${o.formFactor})`),
  );
  if (overrides.length === 0) return { status: 'skipped', detail: 'the apps assign no record pages' };
  return { status: 'done', detail: `app defaults deployed: ${overrides.join('; ')}` };
}

/** The project's Experience Cloud sites: the Networks in force-app (a Network's name is its file's). */
export function projectSites(root = REPO_ROOT): string[] {
  const dir = join(root, 'force-app', 'main', 'default', 'networks');
  const suffix = '.network-meta.xml';
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith(suffix))
        .sort()
        .map((n) => n.slice(0, -suffix.length))
    : [];
}

/**
 * `sf community publish` of each site the deploy created (the partner portal): a site serves its pages only
 * once published; the deployed Network's status (Live) activates it. Publishing again publishes the latest.
 */
async function publish(ctx: SetupContext): Promise<StepOutcome> {
  const sites = projectSites();
  if (sites.length === 0) return { status: 'skipped', detail: 'force-app has no Experience Cloud site' };
  if (isLocalOrg(ctx.org.instanceUrl)) {
    return {
      status: 'skipped',
      detail: `the local org serves no Experience Cloud sites (the deploy validated ${sites.join(', ')})`,
    };
  }
  const published: string[] = [];
  for (const name of sites) {
    const args = ['community', 'publish', '--name', name, '--target-org', ctx.options.alias, '--json'];
    const outcome = await mustSucceed(
      ctx,
      'sf',
      args,
      `Check that the deploy created the site (\`sf org list metadata --metadata-type Network --target-org ${ctx.options.alias}\`) and that the org has digital experiences (${SCRATCH_DEFINITION}: the Communities feature), then rerun \`${rerun(ctx)}\`; or publish it in Experience Builder.`,
    );
    const url = text(outcome.result.url);
    published.push(url ? `${name} (${url})` : name);
  }
  return { status: 'done', detail: `published ${published.join(', ')}` };
}

/** The role setup gives an admin who has none, at the top of the role hierarchy. */
export const ADMIN_ROLE = { name: 'Partner Program', developerName: 'Partner_Program' } as const;

/** A value inside a SOQL string literal. */
const soqlString = (value: string): string => value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

/**
 * Gives the admin a role when they have none. Salesforce makes a partner user only on an account whose owner has
 * a role (the partner roles hang under it), and in a scratch org, with few licences, the admin stands in for the
 * partner managers and so owns the partner accounts. Reuses the Partner_Program role, else creates it.
 */
async function adminRole(ctx: SetupContext): Promise<StepOutcome> {
  const { alias } = ctx.options;
  const hint = `In Setup, give your user a role (Users > your user > Edit > Role; create one under Roles if the org has none), then rerun \`${rerun(ctx)}\`. Without one the seed creates no partner users: Salesforce needs the partner accounts' owner (you, in a scratch org) to have a role.`;
  const query = (soql: string): string[] => ['data', 'query', '--query', soql, '--target-org', alias, '--json'];
  const username = ctx.org.username ?? '';
  const userQuery = query(`SELECT Id, UserRoleId, UserRole.Name FROM User WHERE Username = '${soqlString(username)}'`);
  const user = records((await mustSucceed(ctx, 'sf', userQuery, hint)).result.records)[0];
  const userId = text(user?.Id);
  if (!user || !userId) {
    throw new StepError({
      command: commandLine('sf', userQuery),
      exitCode: 1,
      message: `The org ${alias} has no user ${username || '(sf named none)'}.`,
      hint,
    });
  }
  if (text(user.UserRoleId)) {
    const name = text(records(user.UserRole)[0]?.Name) ?? String(user.UserRoleId);
    return { status: 'skipped', detail: `you already have the role ${name}` };
  }
  const roleQuery = query(`SELECT Id FROM UserRole WHERE DeveloperName = '${ADMIN_ROLE.developerName}'`);
  let roleId = text(records((await mustSucceed(ctx, 'sf', roleQuery, hint)).result.records)[0]?.Id);
  const reused = roleId !== undefined;
  if (!roleId) {
    const values = `Name='${ADMIN_ROLE.name}' DeveloperName=${ADMIN_ROLE.developerName}`;
    const create = ['data', 'create', 'record', '--sobject', 'UserRole', '--values', values, '--target-org', alias];
    roleId = text((await mustSucceed(ctx, 'sf', [...create, '--json'], hint)).result.id);
    if (!roleId) {
      throw new StepError({ command: commandLine('sf', create), exitCode: 1, message: 'sf returned no role Id', hint });
    }
  }
  const values = `UserRoleId=${roleId}`;
  const update = ['data', 'update', 'record', '--sobject', 'User', '--record-id', userId, '--values', values];
  await mustSucceed(ctx, 'sf', [...update, '--target-org', alias, '--json'], hint);
  return {
    status: 'done',
    detail: `gave you the role ${ADMIN_ROLE.name} (${reused ? 'the org had it' : 'created at the top of the hierarchy'}): partner users need their account's owner to have one`,
  };
}

/** The object counts a seed result reports, summed. */
function seedCounts(result: Record<string, unknown>): { created: number; updated: number } {
  const objects = result.objects;
  const stats = typeof objects === 'object' && objects !== null ? Object.values(objects) : [];
  return records(stats).reduce<{ created: number; updated: number }>(
    (sum, s) => ({ created: sum.created + num(s.created), updated: sum.updated + num(s.updated) }),
    { created: 0, updated: 0 },
  );
}

/** The first failures a seed, access or rollup result lists, as text. */
function listedFailures(result: Record<string, unknown>): string | undefined {
  const failures = records(result.failures);
  const metrics = records(result.metrics).filter((m) => text(m.error));
  const lines = [
    ...metrics.map((m) => `metric ${text(m.name) ?? '?'}: ${text(m.error) ?? ''}`),
    ...failures.map((f) =>
      `${text(f.sobject) ?? ''} ${text(f.record) ?? ''}: ${text(f.errorCode) ?? ''} ${text(f.message) ?? ''}`.trim(),
    ),
  ];
  if (lines.length === 0) return undefined;
  const more = lines.length > 5 ? `\n  ... and ${lines.length - 5} more` : '';
  return `${lines.length} failure(s):\n${lines
    .slice(0, 5)
    .map((l) => `  ${l}`)
    .join('\n')}${more}`;
}

/** `npm run seed`: realistic demo data, upserted by external key (a second run creates nothing). */
async function seed(ctx: SetupContext): Promise<StepOutcome> {
  const args = ['run', '--silent', 'seed', '--', '--target-org', ctx.options.alias, '--scale', ctx.options.scale];
  const outcome = await mustSucceed(
    ctx,
    'npm',
    [...args, '--json'],
    `See every failure with \`npm run seed -- --target-org ${ctx.options.alias} --scale ${ctx.options.scale}\`; fix the cause and rerun (the seed upserts by external key).`,
    (failed) => listedFailures(failed.result),
  );
  const { created, updated } = seedCounts(outcome.result);
  return { status: 'done', detail: `${created} record(s) created, ${updated} updated (scale ${ctx.options.scale})` };
}

/** The project's npm scripts (package.json), to run the access sync only where the project has it. */
function projectScripts(): Record<string, unknown> {
  const path = join(REPO_ROOT, 'package.json');
  if (!existsSync(path)) return {};
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { scripts?: Record<string, unknown> };
  return parsed.scripts ?? {};
}

/** `npm run access`: shares each plan with the people named on its targets (idempotent, changed-only). */
async function access(ctx: SetupContext): Promise<StepOutcome> {
  if (typeof projectScripts().access !== 'string') {
    return { status: 'skipped', detail: 'this project has no `npm run access` script' };
  }
  const args = ['run', '--silent', 'access', '--', '--target-org', ctx.options.alias];
  const outcome = await mustSucceed(
    ctx,
    'npm',
    [...args, '--json'],
    `See every failure with \`npm run access -- --target-org ${ctx.options.alias}\`; fix the cause and rerun.`,
    (failed) => listedFailures(failed.result),
  );
  const r = outcome.result;
  return {
    status: 'done',
    detail: `${num(r.inserted)} plan share(s) added, ${num(r.updated)} set back to Read, ${num(r.deleted)} removed`,
  };
}

/** `npm run rollup`: actuals, pace and attainment; writes only what changed. */
async function rollup(ctx: SetupContext): Promise<StepOutcome> {
  const args = ['run', '--silent', 'rollup', '--', '--target-org', ctx.options.alias];
  const outcome = await mustSucceed(
    ctx,
    'npm',
    [...args, '--json'],
    `See every failure with \`npm run rollup -- --target-org ${ctx.options.alias}\`; fix the cause and rerun (it writes only what changed).`,
    (failed) => listedFailures(failed.result),
  );
  const read = outcome.result.read;
  const targets = typeof read === 'object' && read !== null ? num((read as Record<string, unknown>).targets) : 0;
  const written = outcome.result.written;
  const writes =
    typeof written === 'object' && written !== null
      ? Object.values(written).reduce<number>((s, n) => s + num(n), 0)
      : 0;
  return { status: 'done', detail: `${targets} target(s) rolled up, ${writes} record(s) written` };
}

/**
 * `npm run plans -- advance`: plans whose period has started become Active, those whose period ended (and were
 * rolled up since) Closed, and each upcoming review gets its reminder Task; a rerun changes nothing.
 */
async function advance(ctx: SetupContext): Promise<StepOutcome> {
  const args = ['run', '--silent', 'plans', '--', 'advance', '--target-org', ctx.options.alias];
  const outcome = await mustSucceed(
    ctx,
    'npm',
    [...args, '--json'],
    `See every failure with \`npm run plans -- advance --target-org ${ctx.options.alias}\`; fix the cause and rerun (it changes only what is due).`,
    (failed) => listedFailures(failed.result),
  );
  const r = outcome.result;
  const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
  const reminders =
    typeof r.reminders === 'object' && r.reminders !== null ? (r.reminders as Record<string, unknown>) : {};
  return {
    status: 'done',
    detail: `${count(r.activated)} plan(s) activated, ${count(r.closed)} closed, ${count(reminders.created)} review reminder(s) created`,
  };
}

/** `sf org open --url-only`: the URL that logs the admin in. */
async function loginUrl(ctx: SetupContext): Promise<StepOutcome> {
  const args = ['org', 'open', '--target-org', ctx.options.alias, '--url-only', '--json'];
  const outcome = await mustSucceed(
    ctx,
    'sf',
    args,
    `Open the org yourself with \`sf org open --target-org ${ctx.options.alias}\`.`,
  );
  const url = text(outcome.result.url);
  if (!url) {
    throw new StepError({
      command: commandLine('sf', args),
      exitCode: 1,
      message: 'sf org open printed no URL',
      hint: `Open the org yourself with \`sf org open --target-org ${ctx.options.alias}\`.`,
    });
  }
  ctx.org.loginUrl = url;
  return { status: 'done', detail: 'login URL ready' };
}

/** The steps in order. */
export const SETUP_STEPS: readonly SetupStep[] = [
  { name: 'org', title: 'Scratch org', run: scratchOrg },
  { name: 'build', title: 'Build the components', run: build },
  { name: 'deploy', title: 'Deploy force-app', run: deploy },
  { name: 'permissions', title: 'Assign permission sets', run: permissions },
  { name: 'activation', title: 'Activate record pages', run: activation },
  { name: 'publish', title: 'Publish the partner portal', run: publish },
  { name: 'role', title: 'Give the admin a role', run: adminRole },
  { name: 'seed', title: 'Seed demo data', run: seed },
  { name: 'access', title: 'Sync plan access', run: access },
  { name: 'rollup', title: 'Roll up targets', run: rollup },
  { name: 'advance', title: 'Advance plans by their dates', run: advance },
  { name: 'open', title: 'Login URL', run: loginUrl },
];

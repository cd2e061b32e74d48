/**
 * `npm run access`: shares each plan for reading with the people named accountable on its targets (AEs and
 * partner managers), and takes the share away from those no longer named, through share rows of the sharing
 * reason Accountable_On_Target__c; and shares each plan with its partner account's users by its status (Edit in
 * Partner Review, Read once accepted, none as a Draft) through Shared_With_Partner__c rows to the account's
 * partner role group. Also sets each active internal user's Partner_Planning_Role__c from their permission sets
 * (Account_Executive, Partner_Manager). Writes only what changed; never touches other shares. Runs as an
 * administrator: the platform lets only Modify All Data write shares of a sharing reason.
 *
 *   npm run access -- --target-org local
 */
import { Option } from 'commander';
import { runAction, runProgram } from '@partner-planning/cli';
import {
  ACCESS_REASON,
  PARTNER_REASON,
  runAccessSync,
  scriptProgram,
  withOrgSession,
  type AccessChange,
  type AccessReport,
  type CommonOptions,
  type RunFacts,
} from '@partner-planning/jobs';

interface AccessCliOptions extends CommonOptions {
  dryRun: boolean;
}

interface AccessResult extends AccessReport, RunFacts {
  exitCode: number;
}

const program = scriptProgram(
  'access',
  'Share each plan with the people named accountable on its targets (and unshare it from those no longer named), and with its partner account by its status.',
)
  .addOption(new Option('--dry-run', 'print what would change and write nothing').default(false))
  .addHelpText(
    'after',
    `
Runs as an administrator (Modify All Data): only such users may write shares of a sharing reason.
Partner shares go to the role group of the partner account's Executive partner role: Edit while the plan is
in Partner Review, Read once Accepted, Active, In Revision or Closed, none while it is a Draft. A partner
account without partner users (so without partner roles) is skipped and counted.
Each active internal user's Partner_Planning_Role__c follows their permission sets: Account_Executive gives
"Account Executive", Partner_Manager "Partner Manager" (also with both), neither leaves it blank.

Examples:
  npm run access -- --target-org local
  npm run access -- --target-org my-scratch --dry-run
  npm run access -- --target-org local --json`,
  );

async function access(options: AccessCliOptions): Promise<AccessResult> {
  return withOrgSession(options, async (session, progress) => {
    const report = await runAccessSync(session, {
      dryRun: options.dryRun,
      onStep: (step, total) => progress.step(step, total),
    });
    return { ...report, exitCode: report.failures.length > 0 ? 1 : 0 };
  });
}

/** The partner shares' lines of the summary (none where the org cannot take them: a note says why). */
function partnerLines(result: AccessResult, planned: (action: AccessChange['action']) => number): string[] {
  const { partner } = result;
  if (!partner.enabled) return [];
  const shares = result.dryRun
    ? `would insert ${planned('insert')}, change the level of ${planned('update')}, delete ${planned('delete')}`
    : `inserted ${partner.inserted}, changed the level of ${partner.updated}, deleted ${partner.deleted}`;
  return [
    `Partner shares: ${partner.wanted} wanted (${partner.shares} existing); ${shares}; ${partner.unchanged} unchanged.`,
    `Skipped: ${partner.skipped.drafts} draft plans, ${partner.skipped.plansWithoutRoles} plans of ${partner.skipped.accountsWithoutRoles} partner accounts without partner roles yet.`,
  ];
}

/** The planning roles' line of the summary (none where the org has no role field: a note says why). */
function roleLines(result: AccessResult): string[] {
  const { roles } = result;
  if (!roles.enabled) return [];
  const set = result.dryRun ? `would set ${roles.changes.length}` : `set ${roles.updated}`;
  const lines = [`Planning roles: ${roles.users} active internal users; ${set}; ${roles.unchanged} unchanged.`];
  if (result.dryRun)
    for (const change of roles.changes.slice(0, 50))
      lines.push(`  user ${change.userId}: ${change.from ?? '(blank)'} -> ${change.to ?? '(blank)'}`);
  return lines;
}

function printSummary(result: AccessResult): void {
  const { read, skipped } = result;
  const planned = (action: AccessChange['action'], reason: AccessChange['reason'] = ACCESS_REASON): number =>
    result.changes.filter((c) => c.action === action && c.reason === reason).length;
  const shares = result.dryRun
    ? `would insert ${planned('insert')}, set ${planned('update')} back to Read, delete ${planned('delete')}`
    : `inserted ${result.inserted}, set ${result.updated} back to Read, deleted ${result.deleted}`;
  const lines = [
    `Synced plan access in ${result.org} in ${result.seconds}s${result.dryRun ? ' (dry run: nothing written)' : ''}.`,
    `Read ${read.plans} plans (${read.plansWithPeople} with people named on targets), ${read.people} people, ${read.shares} existing shares.`,
    `Shares: ${result.wanted} wanted; ${shares}; ${result.unchanged} unchanged.`,
    `Skipped: ${skipped.owners} named owners (full access already), ${skipped.inactive} inactive users.`,
    ...partnerLines(result, (action) => planned(action, PARTNER_REASON)),
    ...roleLines(result),
    ...result.notes.map((note) => `note: ${note}`),
    ...result.failures
      .slice(0, 20)
      .map(
        (f) =>
          `  FAILED ${f.sobject} ${f.record}: ${f.errorCode} ${f.message}${f.fields.length ? ` [${f.fields.join(', ')}]` : ''}`,
      ),
    `API requests: ${result.apiRequests}${result.apiUsage ? ` (org usage ${result.apiUsage.used}/${result.apiUsage.limit} today)` : ''}.`,
  ];
  if (result.failures.length > 20)
    lines.splice(lines.length - 1, 0, `  ... and ${result.failures.length - 20} more failures (use --json for all).`);
  if (result.dryRun) {
    for (const change of result.changes.slice(0, 50))
      lines.push(
        `  ${change.action} plan ${change.planId} ${change.reason === PARTNER_REASON ? 'partner group' : 'user'} ${change.userId}${change.accessLevel ? ` (${change.accessLevel})` : ''}`,
      );
    if (result.changes.length > 50) lines.push(`  ... and ${result.changes.length - 50} more (use --json for all).`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

program.action(async (options: AccessCliOptions) => {
  await runAction(options, () => access(options), printSummary);
});

void runProgram(program);

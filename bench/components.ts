/**
 * Time from navigation to rendered for two Lightning components in the local app, in headless Chromium:
 * the plan editor on a plan of 20 sections x 20 targets, and the coaching view of a pair with 2,000 APR
 * actions in its 12-week window. Each is reported as a ratio against the same component with a small data
 * set measured in the same run, because these machines are shared and noisy; times are for context only.
 */
import type { Browser, Page } from 'playwright-core';
import { ensureAppBuilt, launchChromium } from '@partner-planning/app';
import { startAppServer, type AppServer } from '@partner-planning/app';
import { startLocalOrg } from '@partner-planning/localorg';
import { API_VERSION } from '@partner-planning/model';
import {
  connect,
  type OrgSession,
  addDays,
  addMonths,
  daysBetween,
  parseIso,
  toIso,
  type IsoDate,
  type Period,
} from '@partner-planning/jobs';
import { runRollup, readOrgFacts, SeedLoader, userRecord, writeRecords } from '@partner-planning/jobs';
import { benchFreshNavigation, type FreshNavigationBench } from './navigation';
import { percentile, round } from './stats';

/** The coaching view's window: the 12 weeks ending with the current week (coachingView.ts, WEEKS). */
const WEEKS = 12;
const COACHING_SESSION = 'Coaching Session';
const WAIT_MS = 60_000;
/** Attainment (a percent with 5 integer digits) must stay in range: currency targets are in the 100,000s. */
const TARGET_VALUE_BY_UNIT: Record<string, number> = { Currency: 100_000, Percent: 50 };
const DEFAULT_TARGET_VALUE = 20;

export interface Timing {
  p50Ms: number;
  p95Ms: number;
}

/** One case of a view: its data set, for the report ("20 sections x 20 targets"), and its timings. */
export type CaseBench<Counts> = Timing & Counts & { label: string };

export interface ViewBench<Counts> {
  /** The view, for the report ("Plan editor"). */
  name: string;
  /** Its element in the app. */
  component: string;
  big: CaseBench<Counts>;
  reference: CaseBench<Counts>;
  /** big p50 / reference p50 */
  ratio: number;
}

export interface ComponentBench {
  /** Timed navigations of each case, after one untimed warm-up navigation. */
  repetitions: number;
  planEditor: ViewBench<{ sections: number; targets: number }>;
  /** `actions`: the pair's APR actions in the view's window (all of which the view loads). */
  coachingView: ViewBench<{ actions: number }>;
  /** The smallest plan's page on a first visit (empty cache) against a second one, and the app's code size. */
  freshNavigation: FreshNavigationBench;
}

/** One AE + partner-manager pair, their partner, plan and activity. */
export interface PairSpec {
  key: string;
  /** The first name of its users and the start of its records' names. */
  name: string;
  sections: number;
  targetsPerSection: number;
  actions: number;
  wonDeals: number;
  openDeals: number;
  /** Open deals with no action at all: the coaching view's "no action for 14 days" list. */
  staleDeals: number;
}

// Three pairs, so that each measured case differs from its reference in one thing only. The plan record page
// also shows the coaching view of the plan's pair: both plans of the editor cases belong to pairs with the
// same 20 actions, and the 2,000-action pair has a plan as small as the reference's.
export const EDITOR: PairSpec = {
  key: 'editor',
  name: 'Editor',
  sections: 20,
  targetsPerSection: 20,
  actions: 20,
  wonDeals: 1,
  openDeals: 3,
  staleDeals: 2,
};
const COACHING: PairSpec = {
  key: 'coach',
  name: 'Coaching',
  sections: 1,
  targetsPerSection: 1,
  actions: 2000,
  wonDeals: 10,
  openDeals: 20,
  staleDeals: 8,
};
export const REFERENCE: PairSpec = {
  key: 'ref',
  name: 'Reference',
  sections: 1,
  targetsPerSection: 1,
  actions: 20,
  wonDeals: 1,
  openDeals: 3,
  staleDeals: 2,
};

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const planLabel = (spec: PairSpec): string =>
  `${plural(spec.sections, 'section')} x ${plural(spec.targetsPerSection, 'target')}`;
const actionsLabel = (spec: PairSpec): string => plural(spec.actions, 'action');

/** What the browser needs of a built pair. */
export interface BuiltPair {
  spec: PairSpec;
  partnerManagerUsername: string;
  planId: string;
  /** In creation order: the last one is in the last section. */
  targetIds: string[];
}

/** What every pair shares: the org's ids and picklists, and the dates of this run. */
interface ScenarioContext {
  organizationId: string;
  profileId: string;
  permissionSetIds: Map<string, string>;
  /** The active metrics, with a target value of a plausible size for their unit. */
  metrics: { name: string; targetValue: number }[];
  sectionTypes: string[];
  actionTypes: string[];
  today: IsoDate;
  plan: Period & { fiscalYear: number; label: string };
  windowStart: IsoDate;
}

/** Creates records through sObject Collections; fails on the first record the org refused. */
async function createAll(session: OrgSession, sobject: string, records: Record<string, unknown>[]): Promise<string[]> {
  const outcomes = await writeRecords(session, { sobject, operation: 'create', records });
  return outcomes.map((outcome, i) => {
    if (!outcome.success || !outcome.id)
      throw new Error(`creating ${sobject} #${i + 1} failed: ${outcome.errorCode} ${outcome.message}`);
    return outcome.id;
  });
}

async function activePicklistValues(session: OrgSession, sobject: string, field: string): Promise<string[]> {
  const describe = await session.conn.sobject(sobject).describe();
  const found = describe.fields.find((f) => f.name === field);
  if (!found) throw new Error(`${sobject}.${field} is not in the org`);
  return found.picklistValues?.filter((v) => v.active).map((v) => v.value) ?? [];
}

/** The Monday of the ISO week of a date, as the coaching view counts weeks. */
function mondayOf(date: IsoDate): IsoDate {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** Whole calendar months from the month of `from` to the month of `to`. */
function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIso(from);
  const b = parseIso(to);
  return (b.year - a.year) * 12 + b.month - a.month;
}

export async function readContext(admin: OrgSession): Promise<ScenarioContext> {
  const facts = await readOrgFacts(admin);
  const profiles = await admin.conn.query<{ Id: string }>("SELECT Id FROM Profile WHERE Name = 'Standard User'");
  const profileId = profiles.records[0]?.Id;
  if (!profileId) throw new Error('the org has no Standard User profile');
  const sets = await admin.conn.query<{ Id: string; Name: string }>(
    "SELECT Id, Name FROM PermissionSet WHERE Name IN ('Partner_Manager', 'Account_Executive')",
  );
  const metrics = await admin.conn.query<{ DeveloperName: string; Unit__c: string | null }>(
    'SELECT DeveloperName, Unit__c FROM Plan_Metric__mdt WHERE Active__c = true ORDER BY Sort_Order__c',
  );
  const today = toIso(new Date());
  const fiscalYear = facts.calendar.yearOf(today);
  return {
    organizationId: facts.organizationId,
    profileId,
    permissionSetIds: new Map(sets.records.map((s) => [s.Name, s.Id])),
    metrics: metrics.records.map((m) => ({
      name: m.DeveloperName,
      targetValue: TARGET_VALUE_BY_UNIT[m.Unit__c ?? ''] ?? DEFAULT_TARGET_VALUE,
    })),
    sectionTypes: await activePicklistValues(admin, 'Plan_Section__c', 'Section_Type__c'),
    // Coaching sessions are notes, not APR actions: the view leaves them out of the chart.
    actionTypes: (await activePicklistValues(admin, 'APR_Action__c', 'Action_Type__c')).filter(
      (t) => t !== COACHING_SESSION,
    ),
    today,
    // Next fiscal year: every target's period is still open, so the editor shows all of them as inputs (it folds
    // closed periods away), whatever the day of the run; in the current year December would show a twelfth.
    plan: {
      ...facts.calendar.yearPeriod(fiscalYear + 1),
      fiscalYear: fiscalYear + 1,
      label: facts.calendar.label({ fiscalYear: fiscalYear + 1 }),
    },
    windowStart: addDays(mondayOf(today), -7 * (WEEKS - 1)),
  };
}

/** Creates a pair's users, partner, deals, Draft plan with sections and targets, and APR actions. */
export async function buildPair(admin: OrgSession, spec: PairSpec, ctx: ScenarioContext): Promise<BuiltPair> {
  const user = (role: string, lastName: string, permissionSet: string) => {
    const key = `bench-${spec.key}-${role}`;
    return {
      key,
      firstName: spec.name,
      lastName,
      permissionSet,
      username: SeedLoader.username(key, ctx.organizationId),
    };
  };
  const people = [
    user('pm', 'Partner Manager', 'Partner_Manager'),
    user('ae', 'Account Executive', 'Account_Executive'),
  ];
  const userIds = await createAll(
    admin,
    'User',
    people.map((p) => userRecord(p, ctx.organizationId, ctx.profileId)),
  );
  await createAll(
    admin,
    'PermissionSetAssignment',
    people.map((p, i) => ({ AssigneeId: userIds[i], PermissionSetId: ctx.permissionSetIds.get(p.permissionSet) })),
  );
  const [pmId, aeId] = userIds;

  const [partnerId, customerId] = await createAll(admin, 'Account', [
    { Name: `${spec.name} Partner`, Partner_Type__c: 'Reseller' },
    { Name: `${spec.name} Customer` },
  ]);
  const deal = (name: string, stage: string, closeDate: IsoDate) => ({
    Name: `${spec.name} ${name}`,
    StageName: stage,
    CloseDate: closeDate,
    Amount: 50_000,
    OwnerId: aeId,
    AccountId: customerId,
    Partner_Account__c: partnerId,
  });
  const openStages = ['Qualification', 'Value Proposition', 'Proposal/Price Quote', 'Negotiation/Review'];
  const actedDealIds = await createAll(admin, 'Opportunity', [
    ...Array.from({ length: spec.wonDeals }, (_, i) =>
      deal(`won deal ${i + 1}`, 'Closed Won', addDays(ctx.today, -7 * (i + 1))),
    ),
    ...Array.from({ length: spec.openDeals }, (_, i) =>
      deal(`open deal ${i + 1}`, openStages[i % openStages.length], addDays(ctx.today, 30 + 7 * i)),
    ),
  ]);
  // Overdue deals nobody acted on: the stale-deals list has content.
  await createAll(
    admin,
    'Opportunity',
    Array.from({ length: spec.staleDeals }, (_, i) =>
      deal(`stalled deal ${i + 1}`, 'Prospecting', addDays(ctx.today, -30 - 7 * i)),
    ),
  );

  const [planId] = await createAll(admin, 'Partner_Account_Plan__c', [
    {
      Name: `${spec.name} Partner ${ctx.plan.label} Plan`,
      OwnerId: pmId,
      Partner_Account__c: partnerId,
      Period_Start__c: ctx.plan.start,
      Period_End__c: ctx.plan.end,
      Fiscal_Year__c: ctx.plan.label,
      Status__c: 'Draft',
      Version__c: 1,
    },
  ]);
  const sectionIds = await createAll(
    admin,
    'Plan_Section__c',
    Array.from({ length: spec.sections }, (_, s) => {
      const type = ctx.sectionTypes[s % ctx.sectionTypes.length];
      return { Name: `${type} ${s + 1}`, Partner_Account_Plan__c: planId, Section_Type__c: type, Sort_Order__c: s + 1 };
    }),
  );
  // Month targets from the plan's first open month on (its first: the plan is next year's), each metric over 12
  // months before the next metric (so that a metric and month repeat only past 300 targets); the accountable
  // pair is how the coaching view finds it.
  const currentMonth = Math.max(0, monthsBetween(ctx.plan.start, ctx.today));
  const targetIds = await createAll(
    admin,
    'Plan_Target__c',
    sectionIds.flatMap((sectionId, s) =>
      Array.from({ length: spec.targetsPerSection }, (_, t) => {
        const n = s * spec.targetsPerSection + t;
        const start = addMonths(ctx.plan.start, (currentMonth + n) % 12);
        const metric = ctx.metrics[Math.floor(n / 12) % ctx.metrics.length];
        return {
          Plan_Section__c: sectionId,
          Metric__c: metric.name,
          Period_Type__c: 'Month',
          Period_Start__c: start,
          Period_End__c: addDays(addMonths(start, 1), -1),
          Target_Value__c: metric.targetValue,
          Weight__c: 1,
          Accountable_AE__c: aeId,
          Accountable_Partner_Manager__c: pmId,
        };
      }),
    ),
  );

  // Spread over the window up to yesterday: never in the future, and inside the window in the users' time
  // zone (behind UTC) as well as in the org's.
  const windowDays = daysBetween(ctx.windowStart, addDays(ctx.today, -1)) + 1;
  await createAll(
    admin,
    'APR_Action__c',
    Array.from({ length: spec.actions }, (_, i) => {
      const byAe = i % 2 === 0;
      return {
        Actor__c: byAe ? aeId : pmId,
        Actor_Role__c: byAe ? 'AE' : 'Partner Manager',
        Action_Date__c: addDays(ctx.windowStart, Math.floor((i * windowDays) / spec.actions)),
        Action_Type__c: ctx.actionTypes[i % ctx.actionTypes.length],
        Opportunity__c: actedDealIds[i % actedDealIds.length],
        Partner_Account__c: partnerId,
        Quantity__c: 1,
      };
    }),
  );
  // Two coaching notes from before the window, so the notes list has content without adding to the
  // actions the view loads for its window.
  await createAll(
    admin,
    'APR_Action__c',
    [1, 2].map((k) => ({
      Actor__c: pmId,
      Actor_Role__c: 'Partner Manager',
      Action_Date__c: addDays(ctx.windowStart, -7 * k),
      Action_Type__c: COACHING_SESSION,
      Partner_Account__c: partnerId,
      Quantity__c: 1,
      Notes__c: `Reviewed the ${spec.name.toLowerCase()} pipeline together; agreed on the next joint calls.`,
      Next_Step__c: 'Book two joint calls',
    })),
  );
  return { spec, partnerManagerUsername: people[0].username, planId, targetIds };
}

export async function signedInPage(
  browser: Browser,
  app: AppServer,
  username: string,
  log: (line: string) => void,
): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`page error (${username}): ${error.message}`));
  // The app refuses a switch without its own Origin (CSRF): say it, as the browser does for the app's pages.
  const response = await page.request.post('/app/session', { data: { username }, headers: { Origin: app.url } });
  if (!response.ok()) throw new Error(`could not sign in as ${username}: ${await response.text()}`);
  return page;
}

/** A navigation to time: where to go, when it counts as rendered, and what to check once (untimed). */
interface Case {
  name: string;
  page: Page;
  url: string;
  rendered: () => Promise<void>;
  check: () => Promise<void>;
}

function editorCase(page: Page, pair: BuiltPair): Case {
  const name = `plan editor, ${planLabel(pair.spec)}`;
  const inputs = page.locator('c-partner-plan-editor input.target-input');
  const last = pair.targetIds[pair.targetIds.length - 1];
  return {
    name,
    page,
    url: `/plans/${pair.planId}`,
    async rendered() {
      await page.locator(`c-partner-plan-editor input.target-input[data-id="${last}"]`).waitFor({
        state: 'attached',
        timeout: WAIT_MS,
      });
      const count = await inputs.count();
      if (count !== pair.targetIds.length)
        throw new Error(`${name}: ${count} target inputs rendered, expected ${pair.targetIds.length}`);
    },
    async check() {
      // The permission checks arrive on wires of their own: wait for them, then every input must be editable.
      await page.locator(`c-partner-plan-editor input.target-input[data-id="${last}"]:enabled`).waitFor({
        state: 'attached',
        timeout: WAIT_MS,
      });
      const editable = await page.locator('c-partner-plan-editor input.target-input:enabled').count();
      if (editable !== pair.targetIds.length)
        throw new Error(`${name}: ${editable} editable target inputs, expected ${pair.targetIds.length}`);
      // Every target is shown: none is folded away in a closed period (the plan is next year's).
      const folded = await page.locator('c-partner-plan-editor [data-id="closed-toggle"]').count();
      if (folded > 0) throw new Error(`${name}: ${folded} groups of closed periods folded away`);
    },
  };
}

function coachingCase(page: Page, pair: BuiltPair): Case {
  const name = `coaching view, ${actionsLabel(pair.spec)}`;
  const view = page.locator('c-coaching-view');
  return {
    name,
    page,
    url: '/coaching',
    async rendered() {
      await Promise.all(
        [
          '[data-id="chart"]',
          '[data-id="stale-deals"], [data-id="no-stale-deals"]',
          '[data-id="note-list"], [data-id="no-notes"]',
        ].map((selector) => view.locator(selector).waitFor({ state: 'attached', timeout: WAIT_MS })),
      );
      if ((await view.locator('[data-id="actions-truncated"]').count()) > 0)
        throw new Error(`${name}: the view says its actions were truncated`);
    },
    async check() {
      // The chart's bars add up to every action of the pair: the view loaded all of them.
      let charted = 0;
      for (const bar of await view.locator('[data-id="chart"] rect.bar').all())
        charted += Number(await bar.getAttribute('data-value'));
      if (charted !== pair.spec.actions) throw new Error(`${name}: the chart shows ${charted} actions`);
      for (const selector of ['[data-id="stale-deals"]', '[data-id="note-list"]'])
        if ((await view.locator(selector).count()) !== 1) throw new Error(`${name}: ${selector} did not render`);
    },
  };
}

/** Milliseconds from a fresh navigation to the view fully rendered. */
async function timeNavigation(c: Case): Promise<number> {
  const started = process.hrtime.bigint();
  await c.page.goto(c.url);
  await c.rendered();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const timing = (samples: number[]): Timing => ({
  p50Ms: round(percentile(samples, 50), 1),
  p95Ms: round(percentile(samples, 95), 1),
});

export async function benchComponents(options: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<ComponentBench> {
  const { log } = options;
  const repetitions = options.quick ? 3 : 7;
  const cleanups: (() => Promise<void>)[] = [];
  try {
    if (ensureAppBuilt()) log('Built the app into packages/app/dist.');
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const org = await startLocalOrg({ port: 0, data: ':memory:' });
    cleanups.push(() => org.close());
    const admin = await connect(
      { apiVersion: API_VERSION },
      { SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken },
    );
    cleanups.push(() => admin.close());

    log('Creating three pairs with plans and APR actions through the API...');
    const ctx = await readContext(admin);
    const editor = await buildPair(admin, EDITOR, ctx);
    const coaching = await buildPair(admin, COACHING, ctx);
    const reference = await buildPair(admin, REFERENCE, ctx);
    const rollup = await runRollup(admin, { asOf: ctx.today, dryRun: false, now: new Date().toISOString() });
    const brokenMetric = rollup.metrics.find((m) => m.error);
    if (brokenMetric) throw new Error(`rollup: metric ${brokenMetric.name} failed: ${brokenMetric.error}`);
    if (rollup.failures.length > 0) throw new Error(`rollup: ${rollup.failures[0].message}`);

    const app = await startAppServer({
      port: 0,
      orgUrl: org.instanceUrl,
      adminUsername: org.adminUsername,
      adminToken: org.accessToken,
      adminPassword: org.adminPassword,
      // No background plan access sync in the middle of the measurements.
      accessSyncSeconds: 0,
    });
    cleanups.push(() => app.close());
    const pageOf = (pair: BuiltPair): Promise<Page> => signedInPage(browser, app, pair.partnerManagerUsername, log);
    const referencePage = await pageOf(reference);
    const cases = [
      editorCase(await pageOf(editor), editor),
      editorCase(referencePage, reference),
      coachingCase(await pageOf(coaching), coaching),
      coachingCase(referencePage, reference),
    ];
    for (const c of cases) {
      log(`Warming up: ${c.name}...`);
      await timeNavigation(c);
      await c.check();
    }
    // Interleaved, so that a slow spell of the machine weighs on every case alike.
    const samples = cases.map((): number[] => []);
    for (let i = 0; i < repetitions; i++) {
      log(`Timing navigations, round ${i + 1} of ${repetitions}...`);
      for (const [index, c] of cases.entries()) samples[index].push(await timeNavigation(c));
    }
    const [editorBig, editorReference, coachingBig, coachingReference] = samples.map(timing);
    const freshNavigation = await benchFreshNavigation({
      label: `the plan page, ${planLabel(REFERENCE)}`,
      url: `/plans/${reference.planId}`,
      repetitions,
      newPage: () => pageOf(reference),
      log,
    });
    return {
      repetitions,
      planEditor: {
        name: 'Plan editor',
        component: 'c-partner-plan-editor',
        big: { label: planLabel(EDITOR), sections: EDITOR.sections, targets: editor.targetIds.length, ...editorBig },
        reference: {
          label: planLabel(REFERENCE),
          sections: REFERENCE.sections,
          targets: reference.targetIds.length,
          ...editorReference,
        },
        ratio: round(editorBig.p50Ms / editorReference.p50Ms),
      },
      coachingView: {
        name: 'Coaching view',
        component: 'c-coaching-view',
        big: { label: actionsLabel(COACHING), actions: COACHING.actions, ...coachingBig },
        reference: { label: actionsLabel(REFERENCE), actions: REFERENCE.actions, ...coachingReference },
        ratio: round(coachingBig.p50Ms / coachingReference.p50Ms),
      },
      freshNavigation,
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

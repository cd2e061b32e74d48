/**
 * A plan from a template and its rollover as the components make them, against a local org over HTTP: the
 * documents c-plan-template-dialog and c-plan-rollover send (templates, a partner's plan years, the latest plan,
 * a plan's record keys, a rollover's source) answer without errors and read as the components read them;
 * c/planData createFromBlueprint (its record writes done through jsforce as the same user) writes a template's
 * plan that the org's rules accept (parts under their year target), a second run with the keys the plan already
 * has writes nothing, and a rollover with carried shortfalls makes the next plan linked to this one.
 */
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { movePlanTo } from '../support/lifecycle';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { gql } from '../support/ui-api';
import { componentDocuments } from '../support/component-documents';
import {
  nextPlanYear,
  rolloverBlueprint,
  standardPlanPeriods,
  templateBlueprint,
  type PlanBlueprint,
  type SourcePlan,
  type SourceSection,
  type SourceTarget,
  type TemplateDef,
} from '../../packages/jobs/plans/year';

type Rec = Record<string, unknown>;
type Loaded<T> =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; value: T; truncated: boolean };
interface Outcome {
  kind: string;
  ref: string;
  status: string;
  id: string | null;
  messages: string[];
}
interface Result {
  planId: string | null;
  outcomes: Outcome[];
  ok: boolean;
}
interface Existing {
  sections: Record<string, string>;
  targets: Record<string, string>;
  count: number;
}
interface Source {
  plan: SourcePlan & { status: string | null };
  sections: SourceSection[];
  targets: SourceTarget[];
}

/**
 * What these tests use of c/planData's templates and blueprints modules, typed here: importing their types
 * would bring the components' platform modules (lightning/*, @salesforce/*) into the node type check.
 */
interface PlanData {
  PLAN_TEMPLATES_QUERY: unknown;
  PARTNER_PLAN_YEARS_QUERY: unknown;
  LATEST_PLAN_QUERY: unknown;
  PLAN_RECORD_KEYS_QUERY: unknown;
  PLAN_SOURCE_QUERY: unknown;
  readTemplates(result: unknown): Loaded<TemplateDef[]>;
  readPlanYears(result: unknown): Loaded<{ id: string; fiscalYear: string | null; previousPlanId: string | null }[]>;
  readRecordKeys(result: unknown): Loaded<Existing>;
  readPlanSource(result: unknown): Loaded<Source | null>;
  createFromBlueprint(blueprint: PlanBlueprint, options?: { planId?: string; existing?: Existing }): Promise<Result>;
}
type DocumentName =
  | 'PLAN_TEMPLATES_QUERY'
  | 'PARTNER_PLAN_YEARS_QUERY'
  | 'LATEST_PLAN_QUERY'
  | 'PLAN_RECORD_KEYS_QUERY'
  | 'PLAN_SOURCE_QUERY';

jest.setTimeout(60_000);

const PLAN_DATA = join(__dirname, '..', '..', 'force-app', 'main', 'default', 'lwc', 'planData');

let t: TestOrg;
let data: PlanData;
let partner: string;
let ownerId: string;
/** How many records the component asked to create. */
let creates = 0;

/** The component's record writes (LDS createRecord), done through jsforce as the same user. */
function recordsThrough(conn: Connection): Rec {
  return {
    createOne: async (apiName: string, key: string, fields: Rec) => {
      creates++;
      try {
        const result = await conn.sobject(apiName).create(fields);
        return { id: result.id ?? key, ok: result.success, fieldErrors: {}, messages: [] };
      } catch (error) {
        return { id: key, ok: false, fieldErrors: {}, messages: [(error as Error).message] };
      }
    },
  };
}

/** Loads c/planData's templates and blueprints modules in node, their platform imports mocked. */
function loadPlanData(conn: Connection): PlanData {
  componentDocuments();
  jest.doMock(
    '@salesforce/label/c.Plan_Blueprint_Parent_Failed',
    () => ({ __esModule: true, default: 'Not created: the record it belongs to could not be created.' }),
    { virtual: true },
  );
  jest.doMock(join(PLAN_DATA, 'records'), () => recordsThrough(conn));
  return {
    ...jest.requireActual<Rec>(join(PLAN_DATA, 'templates')),
    ...jest.requireActual<Rec>(join(PLAN_DATA, 'blueprints')),
  } as unknown as PlanData;
}

async function ask(name: DocumentName, variables: Rec = {}): Promise<unknown> {
  const document = data[name] as unknown as { source: string };
  const answer = await gql(t.conn, document.source, variables);
  expect(answer.errors).toBeUndefined();
  return { data: answer.data, errors: undefined };
}

function ready<T>(loaded: Loaded<T>): T {
  if (loaded.kind !== 'ready') throw new Error(`not ready: ${JSON.stringify(loaded)}`);
  return loaded.value;
}

async function count(soql: string): Promise<number> {
  return (await t.conn.query(soql)).totalSize;
}

beforeAll(async () => {
  // The org's today: inside the FY2026 plan, so it may become Active.
  t = await startTestOrg({ now: () => new Date('2026-07-10T12:00:00Z') });
  data = loadPlanData(t.conn);
  partner = (
    await t.conn.sobject('Account').create({
      Name: 'Northwind',
      Partner_Type__c: 'Reseller',
      Partner_Tier__c: 'Gold',
      External_Key__c: 'P-NW',
    })
  ).id!;
  ownerId = ((await t.conn.identity()) as { user_id: string }).user_id;
});
afterAll(() => t.close());

describe('a plan from a template', () => {
  let template: TemplateDef;
  let blueprint: PlanBlueprint;
  let planId: string;

  it('reads the active templates from custom metadata, each with its sections and targets', async () => {
    const templates = ready(data.readTemplates(await ask('PLAN_TEMPLATES_QUERY')));
    expect(templates.map((x) => x.tier)).toEqual(expect.arrayContaining(['Platinum', 'Gold', 'Silver', 'Registered']));
    template = templates.find((x) => x.tier === 'Gold') as TemplateDef;
    expect(template.sections.length).toBeGreaterThan(0);
    expect(template.sections.flatMap((s) => s.targets).some((x) => x.periodType !== 'Year')).toBe(true);
  });

  it('writes the plan, its sections, year targets and parts, which the org accepts', async () => {
    const periods = standardPlanPeriods({ start: '2026-01-01', end: '2026-12-31' });
    blueprint = templateBlueprint(
      template,
      { id: partner, key: 'P-NW', name: 'Northwind' },
      { periods, fiscalYear: 'FY2026' },
      {},
      ownerId,
    );
    const result = await data.createFromBlueprint(blueprint);
    expect(result.outcomes.filter((o) => o.status !== 'created')).toEqual([]);
    planId = result.planId as string;
    const plan = (await t.conn.sobject('Partner_Account_Plan__c').retrieve(planId)) as Rec;
    expect(plan).toMatchObject({ Status__c: 'Draft', Template__c: 'Gold', External_Key__c: 'PLAN-P-NW-FY2026' });
    // Each split year target is the sum of its parts, which name it.
    const targets = (
      await t.conn.query<Rec>(
        `SELECT Id, Target_Value__c, Parent_Target__c, Period_Type__c FROM Plan_Target__c WHERE Plan_Section__r.Partner_Account_Plan__c = '${planId}'`,
      )
    ).records;
    expect(targets).toHaveLength(blueprint.targets.length);
    const parents = targets.filter((x) => targets.some((p) => p.Parent_Target__c === x.Id));
    expect(parents.length).toBeGreaterThan(0);
    for (const parent of parents) {
      const sum = targets
        .filter((p) => p.Parent_Target__c === parent.Id)
        .reduce((s, p) => s + (p.Target_Value__c as number), 0);
      expect(sum).toBeCloseTo(parent.Target_Value__c as number, 2);
    }
  });

  it('writes nothing the second time: the keys the plan has are skipped', async () => {
    const existing = ready(data.readRecordKeys(await ask('PLAN_RECORD_KEYS_QUERY', { planId })));
    expect(existing.count).toBe(blueprint.sections.length + blueprint.targets.length);
    creates = 0;
    const again = await data.createFromBlueprint(blueprint, { planId, existing });
    expect(creates).toBe(0);
    expect(again.ok).toBe(true);
    expect(await count(`SELECT Id FROM Plan_Section__c WHERE Partner_Account_Plan__c = '${planId}'`)).toBe(
      blueprint.sections.length,
    );
  });

  it('lists the partner’s plan years and the latest plan', async () => {
    const years = ready(data.readPlanYears(await ask('PARTNER_PLAN_YEARS_QUERY', { accountId: partner })));
    expect(years.map((y) => y.fiscalYear)).toEqual(['FY2026']);
    const latest = ready(data.readPlanYears(await ask('LATEST_PLAN_QUERY')));
    expect(latest.map((y) => y.id)).toEqual([planId]);
  });

  it('rolls the active plan over to FY2027, carrying the shortfalls, linked to this plan', async () => {
    await movePlanTo(t.conn, planId, 'Active');
    const source = ready(data.readPlanSource(await ask('PLAN_SOURCE_QUERY', { planId }))) as Source;
    expect(source.plan).toMatchObject({ status: 'Active', partnerKey: 'P-NW', fiscalYear: 'FY2026' });
    expect(source.targets).toHaveLength(blueprint.targets.length);
    // Half of every target reached.
    const withActuals = { ...source, targets: source.targets.map((x) => ({ ...x, actualValue: x.targetValue / 2 })) };
    const span = { start: '2026-01-01', end: '2026-12-31' };
    const next = nextPlanYear(span, 'FY2026');
    const metrics = Object.fromEntries(
      source.targets.map((x) => [x.metric, { direction: 'Higher is better', shape: 'Cumulative' }]),
    );
    const rolled = rolloverBlueprint(
      withActuals,
      { periods: standardPlanPeriods(next.span), fiscalYear: next.fiscalYear, from: standardPlanPeriods(span) },
      { carryShortfall: true, metrics },
    );
    const result = await data.createFromBlueprint(rolled);
    expect(result.outcomes.filter((o) => o.status !== 'created')).toEqual([]);
    const plan = (await t.conn.sobject('Partner_Account_Plan__c').retrieve(result.planId as string)) as Rec;
    expect(plan).toMatchObject({ Previous_Plan__c: planId, Fiscal_Year__c: 'FY2027', Period_Start__c: '2027-01-01' });
    const carried = (
      await t.conn.query<Rec>(
        `SELECT Carried_Shortfall__c FROM Plan_Target__c WHERE Plan_Section__r.Partner_Account_Plan__c = '${result.planId}' AND Carried_Shortfall__c > 0`,
      )
    ).totalSize;
    expect(carried).toBeGreaterThan(0);
    // The component finds the next plan by its link.
    const years = ready(data.readPlanYears(await ask('PARTNER_PLAN_YEARS_QUERY', { accountId: partner })));
    expect(years.find((y) => y.previousPlanId === planId)?.fiscalYear).toBe('FY2027');
  });
});

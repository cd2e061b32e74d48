/**
 * Quarterly business reviews against a local org, over HTTP: the documents c-plan-reviews sends (the plan's
 * reviews, its actions in the quarter, the partner's wins and stale deals, the reminder Task) answer as the
 * component reads them; "Prepare QBR" (c/planData prepareReview, its record writes done through jsforce)
 * creates the frozen review, sets the plan's review dates and creates the owner's reminder once; a later
 * rollup leaves the review as it was, and the org refuses any change of its figures (Review_Frozen).
 */
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { runRollup } from '../../packages/jobs/rollup/engine';
import { movePlanTo, userIdOf } from '../support/lifecycle';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { scriptSession } from '../support/scripts';
import { gql } from '../support/ui-api';
import { componentDocuments } from '../support/component-documents';

type Rec = Record<string, unknown>;
type Loaded<T> =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; value: T[]; truncated: boolean };
type Outcome = { id: string; ok: boolean; fieldErrors: Rec; messages: string[] };

/**
 * What these tests use of c/planData's reviews module, typed here: importing its types would bring the
 * components' platform modules (lightning/*, @salesforce/*) into the node type check.
 */
interface Reviews {
  QUARTER_ACTIONS_QUERY: unknown;
  PARTNER_WINS_QUERY: unknown;
  PARTNER_STALE_DEALS_QUERY: unknown;
  REVIEW_TASKS_QUERY: unknown;
  PLAN_REVIEWS_QUERY: unknown;
  readQuarterActions(result: unknown): Loaded<{ actionType: string | null; quantity: number }>;
  readWins(result: unknown): Loaded<{ name: string; amount: number | null; accountName: string | null }>;
  readReviewTasks(result: unknown): Loaded<string>;
  readReviews(result: unknown): Loaded<{ name: string; periodLabel: string | null; reviewDate: string | null }>;
  composeSnapshot(input: Rec): Rec;
  prepareReview(input: Rec): Promise<{ review: Outcome; plan: Outcome | null; task: Outcome | null }>;
  parseSnapshot(json: string): { kind: string };
}
type DocumentName =
  | 'QUARTER_ACTIONS_QUERY'
  | 'PARTNER_WINS_QUERY'
  | 'PARTNER_STALE_DEALS_QUERY'
  | 'REVIEW_TASKS_QUERY'
  | 'PLAN_REVIEWS_QUERY';

// Starting the org and loading the module take a while on a busy machine.
jest.setTimeout(60_000);

const PLAN_DATA = join(__dirname, '..', '..', 'force-app', 'main', 'default', 'lwc', 'planData');

let t: TestOrg;
let reviews: Reviews;
let partner: string;
let plan: string;
let owner: string;

async function create(sobject: string, fields: Rec): Promise<string> {
  const result = await t.conn.sobject(sobject).create(fields);
  if (!result.success) throw new Error(JSON.stringify(result));
  return result.id as string;
}

/** The component's record writes (LDS createRecord/updateRecord), done through jsforce as the same user. */
function recordsThrough(conn: Connection): Rec {
  const outcome = async (id: string, run: () => Promise<{ success: boolean; id?: string }>) => {
    try {
      const result = await run();
      return { id: result.id ?? id, ok: result.success, fieldErrors: {}, messages: [] };
    } catch (error) {
      return { id, ok: false, fieldErrors: {}, messages: [(error as Error).message] };
    }
  };
  return {
    createOne: (apiName: string, key: string, fields: Rec) => outcome(key, () => conn.sobject(apiName).create(fields)),
    updateOne: (fields: Rec & { Id: string }) =>
      outcome(fields.Id, () => conn.sobject('Partner_Account_Plan__c').update(fields)),
    errorMessage: String,
  };
}

/** Loads c/planData's reviews module in node: its platform imports mocked as the platform would give them. */
function loadReviews(conn: Connection): Reviews {
  // The shared loader mocks lightning/graphql (gql keeps the text) and graphqlShapes' label.
  componentDocuments();
  const source: string = jest
    .requireActual<typeof import('node:fs')>('node:fs')
    .readFileSync(join(PLAN_DATA, 'reviews.ts'), 'utf8');
  for (const [, specifier] of source.matchAll(/from '(@salesforce\/schema\/[^']+)'/g)) {
    const [objectApiName, fieldApiName] = specifier.slice('@salesforce/schema/'.length).split('.');
    const value = fieldApiName ? { objectApiName, fieldApiName } : { objectApiName };
    jest.doMock(specifier, () => ({ __esModule: true, default: value }), { virtual: true });
  }
  jest.doMock(
    'lightning/uiRecordApi',
    () => ({
      getFieldValue: (record: { fields: Rec }, field: { fieldApiName: string }) => record.fields[field.fieldApiName],
    }),
    { virtual: true },
  );
  jest.doMock(
    'c/metricSemantics',
    () => jest.requireActual(join(PLAN_DATA, '..', 'metricSemantics', 'metricSemantics')),
    { virtual: true },
  );
  jest.doMock(join(PLAN_DATA, 'records'), () => recordsThrough(conn));
  return jest.requireActual<Reviews>(join(PLAN_DATA, 'reviews'));
}

async function ask<T>(name: DocumentName, variables: Rec): Promise<T> {
  const document = reviews[name] as unknown as { source: string };
  const answer = await gql(t.conn, document.source, variables);
  expect(answer.errors).toBeUndefined();
  return { data: answer.data, errors: undefined } as T;
}

beforeAll(async () => {
  // The org's today: 2026-07-10, ten days into the plan's third quarter.
  t = await startTestOrg({ now: () => new Date('2026-07-10T12:00:00Z') });
  reviews = loadReviews(t.conn);
  owner = await userIdOf(t.conn);
  partner = await create('Account', { Name: 'Northwind', Partner_Type__c: 'Reseller' });
  const customer = await create('Account', { Name: 'Contoso' });
  plan = await create('Partner_Account_Plan__c', {
    Name: 'Northwind FY2026 Plan',
    Partner_Account__c: partner,
    Period_Start__c: '2026-01-01',
    Period_End__c: '2026-12-31',
    Fiscal_Year__c: 'FY2026',
    Review_Cadence__c: 'Quarterly',
  });
  const section = await create('Plan_Section__c', { Name: 'Sales', Partner_Account_Plan__c: plan });
  await create('Plan_Target__c', {
    Plan_Section__c: section,
    Metric__c: 'Joint_Calls',
    Period_Type__c: 'Quarter',
    Period_Start__c: '2026-04-01',
    Period_End__c: '2026-06-30',
    Target_Value__c: 4,
  });
  await movePlanTo(t.conn, plan, 'Active');
  const opportunity = (name: string, fields: Rec) =>
    create('Opportunity', { Name: name, AccountId: customer, Partner_Account__c: partner, Amount: 1000, ...fields });
  const won = await opportunity('Won in Q2', { StageName: 'Closed Won', CloseDate: '2026-05-20', Amount: 25000 });
  await opportunity('Won in Q1', { StageName: 'Closed Won', CloseDate: '2026-03-20' });
  await opportunity('Quiet deal', { StageName: 'Prospecting', CloseDate: '2026-09-30' });
  for (const date of ['2026-05-02', '2026-05-03', '2026-07-02'])
    await create('APR_Action__c', {
      Action_Type__c: 'Joint Call',
      Action_Date__c: date,
      Actor__c: owner,
      Quantity__c: 1,
      Partner_Account__c: partner,
      Partner_Account_Plan__c: plan,
      Opportunity__c: won,
    });
});
afterAll(() => t.close());

describe("the review's documents", () => {
  it("answer the quarter's actions, the partner's wins and stale deals as the component reads them", async () => {
    const quarter = { start: '2026-04-01', end: '2026-06-30' };
    const actions = reviews.readQuarterActions(await ask('QUARTER_ACTIONS_QUERY', { planId: plan, ...quarter }));
    expect(actions).toMatchObject({ kind: 'ready', value: [{ actionType: 'Joint Call', quantity: 1 }, {}] });
    expect(actions.kind === 'ready' && actions.value.length).toBe(2);

    const wins = reviews.readWins(await ask('PARTNER_WINS_QUERY', { partnerId: partner, ...quarter }));
    expect(wins).toMatchObject({
      kind: 'ready',
      value: [{ name: 'Won in Q2', amount: 25000, accountName: 'Contoso' }],
    });

    const staleAnswer = await ask<{ data: { uiapi: { query: { Opportunity: { edges: { node: Rec }[] } } } } }>(
      'PARTNER_STALE_DEALS_QUERY',
      { partnerId: partner, cutoff: '2026-06-26' },
    );
    const names = staleAnswer.data.uiapi.query.Opportunity.edges.map((e) => (e.node.Name as { value: string }).value);
    expect(names).toEqual(['Quiet deal']);
  });
});

describe('Prepare QBR', () => {
  const prepare = async () => {
    const next = '2026-10-10';
    const subject = `QBR reminder: review on ${next}`;
    const tasks = reviews.readReviewTasks(await ask('REVIEW_TASKS_QUERY', { planId: plan, subject }));
    expect(tasks.kind).toBe('ready');
    const snapshot = reviews.composeSnapshot({
      plan: {
        id: plan,
        name: 'Northwind FY2026 Plan',
        partnerAccountId: partner,
        partnerName: 'Northwind',
        fiscalYear: 'FY2026',
        status: 'Active',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        reviewCadence: 'Quarterly',
      },
      period: { label: 'FY2026 Q2', start: '2026-04-01', end: '2026-06-30' },
      nextPeriod: null,
      sections: [],
      targets: [],
      metrics: [],
      periodLabel: () => 'FY2026 Q2',
      actions: [],
      wins: [{ id: 'O1', name: 'Won in Q2', accountName: 'Contoso', amount: 25000, closeDate: '2026-05-20' }],
      staleDeals: [],
      comments: [],
      preparedBy: { id: owner, name: 'Admin' },
      preparedAt: '2026-07-10T12:00:00.000Z',
      orgCurrency: 'USD',
    });
    return reviews.prepareReview({
      snapshot,
      reviewName: 'FY2026 Q2 review',
      today: '2026-07-10',
      nextReviewDate: next,
      reminder: { subject, activityDate: '2026-10-03' },
      ownerId: owner,
      reminderExists: tasks.kind === 'ready' ? tasks.value.length > 0 : null,
    });
  };

  it('creates the frozen review, sets the plan dates and creates the reminder once', async () => {
    const first = await prepare();
    expect([first.review.ok, first.plan?.ok, first.task?.ok]).toEqual([true, true, true]);
    const second = await prepare();
    expect([second.review.ok, second.plan?.ok, second.task]).toEqual([true, true, null]);

    const listed = reviews.readReviews(await ask('PLAN_REVIEWS_QUERY', { planId: plan }));
    expect(listed.kind === 'ready' && listed.value.map((r) => [r.name, r.periodLabel, r.reviewDate])).toEqual([
      ['FY2026 Q2 review', 'FY2026 Q2', '2026-07-10'],
      ['FY2026 Q2 review', 'FY2026 Q2', '2026-07-10'],
    ]);
    const saved = (await t.conn.sobject('Partner_Account_Plan__c').retrieve(plan)) as Rec;
    expect([saved.Last_Review_Date__c, saved.Next_Review_Date__c]).toEqual(['2026-07-10', '2026-10-10']);
    const tasks = await t.conn.query<Rec>(
      `SELECT Subject, ActivityDate, OwnerId, Status FROM Task WHERE WhatId = '${plan}'`,
    );
    expect(tasks.records.map((r) => [r.Subject, r.ActivityDate, r.OwnerId, r.Status])).toEqual([
      ['QBR reminder: review on 2026-10-10', '2026-10-03', owner, 'Not Started'],
    ]);
  });

  it('keeps the review as prepared through a later rollup, and the org refuses changing its figures', async () => {
    const { review } = await prepare();
    const fields =
      'Name, Review_Date__c, Period_Start__c, Period_End__c, Overall_Attainment__c, Targets_Behind__c, Actions_Logged__c, Won_Amount__c, Stale_Deals__c, Snapshot__c';
    const read = async () =>
      (await t.conn.query<Rec>(`SELECT ${fields} FROM Plan_Review__c WHERE Id = '${review.id}'`)).records[0];
    const before = await read();
    const session = await scriptSession(t);
    const run = await runRollup(session, { asOf: '2026-07-10', dryRun: false, now: '2026-07-10T12:00:00.000Z' });
    await session.close();
    expect(run.failures).toEqual([]);
    expect(await read()).toEqual(before);
    expect(reviews.parseSnapshot(String(before.Snapshot__c)).kind).toBe('ok');

    await expect(t.conn.sobject('Plan_Review__c').update({ Id: review.id, Won_Amount__c: 1 })).rejects.toMatchObject({
      errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
    });
    const summary = await t.conn.sobject('Plan_Review__c').update({ Id: review.id, Summary__c: 'Good quarter.' });
    expect(summary.success).toBe(true);
  });
});

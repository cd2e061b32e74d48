import AprActionLogger from 'c/aprActionLogger';
import {
  METRIC_CATALOG_QUERY,
  OPPORTUNITY_ACTIONS_QUERY,
  PARTNER_ACTIVE_PLANS_QUERY,
  PARTNER_ACTIVE_TARGETS_QUERY,
} from 'c/planData';
import {
  changeValue,
  click,
  errorMessages,
  find,
  findAll,
  flushPromises,
  mount,
  prop,
  settle,
  textOf,
} from '@lwc-test/render';
import {
  CURRENT_USER_ID,
  captureCloseAction,
  captureToasts,
  createPayloads,
  createRecord,
  emitGraphQL,
  emitGraphQLErrors,
  emitObjectInfo,
  emitPicklist,
  emitRecord,
  emitRecordError,
  graphQLVariables,
  notifyRecordUpdateAvailable,
  recordError,
} from '@lwc-test/platform';
import {
  OPPORTUNITY_ID,
  PARTNER,
  PICKLISTS,
  USERS,
  actionId,
  actionNode,
  catalogData,
  id,
  opportunityRecord,
  planNode,
  targetId,
  targetWithPlanNode,
  uiapi,
  type ActionSpec,
  type OpportunitySpec,
  type PlanNodeSpec,
  type TargetSpec,
} from '@lwc-test/fixtures';
import { freezeTime } from '@lwc-test/time';

const FY26 = id('a01', 26);
const FY25 = id('a01', 25);
const PLANS: PlanNodeSpec[] = [
  { id: FY26, name: 'Northwind FY2026', status: 'Active', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
  { id: FY25, name: 'Northwind FY2025', status: 'Accepted', periodStart: '2025-01-01', periodEnd: '2025-12-31' },
];

const JOINT_Q2 = targetId(1);
const JOINT_YEAR = targetId(2);
const JOINT_Q1 = targetId(3);
const DEMOS_Q2 = targetId(4);
const EMAIL_Q2 = targetId(5);
const CAMPAIGN_Q2 = targetId(6);
const q2 = { periodType: 'Quarter', periodStart: '2026-04-01', periodEnd: '2026-06-30', planId: FY26 };
const TARGETS: TargetSpec[] = [
  {
    id: JOINT_YEAR,
    metric: 'Joint_Calls',
    periodType: 'Year',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    planId: FY26,
  },
  { id: JOINT_Q2, metric: 'Joint_Calls', ...q2, pmId: USERS.pm.id, pmName: USERS.pm.name, aeId: USERS.ae.id },
  {
    id: JOINT_Q1,
    metric: 'Joint_Calls',
    periodType: 'Quarter',
    periodStart: '2026-01-01',
    periodEnd: '2026-03-31',
    planId: FY26,
  },
  { id: DEMOS_Q2, metric: 'Demos', ...q2 },
  { id: CAMPAIGN_Q2, metric: 'Campaign_Actions', ...q2 },
  { id: EMAIL_Q2, metric: 'Email_Campaigns', ...q2 },
];

interface Setup {
  opportunity?: OpportunitySpec;
  plans?: PlanNodeSpec[];
  targets?: TargetSpec[];
  recent?: ActionSpec[];
}

async function renderLogger(setup: Setup = {}) {
  const host = mount('c-apr-action-logger', AprActionLogger, {
    recordId: OPPORTUNITY_ID,
    objectApiName: 'Opportunity',
  });
  const toasts = captureToasts(host);
  const closes = captureCloseAction(host);
  await flushPromises();
  emitObjectInfo('APR_Action__c');
  emitRecord(opportunityRecord(setup.opportunity));
  emitGraphQL(METRIC_CATALOG_QUERY, catalogData());
  await flushPromises();
  emitPicklist('APR_Action__c.Action_Type__c', PICKLISTS.actionType);
  emitPicklist('APR_Action__c.Outcome__c', PICKLISTS.outcome);
  emitPicklist('APR_Action__c.Actor_Role__c', PICKLISTS.actorRole);
  emitGraphQL(PARTNER_ACTIVE_PLANS_QUERY, uiapi('Partner_Account_Plan__c', (setup.plans ?? PLANS).map(planNode)));
  emitGraphQL(
    PARTNER_ACTIVE_TARGETS_QUERY,
    uiapi('Plan_Target__c', (setup.targets ?? TARGETS).map(targetWithPlanNode)),
  );
  const refreshRecent = emitGraphQL(
    OPPORTUNITY_ACTIONS_QUERY,
    uiapi('APR_Action__c', (setup.recent ?? []).map(actionNode)),
  );
  await flushPromises();
  return { host, toasts, closes, refreshRecent };
}

const el = (host: HTMLElement, dataId: string): HTMLElement => find(host, `[data-id="${dataId}"]`);
const countsToward = (host: HTMLElement): string => textOf(el(host, 'counts-toward'));
const chooseType = (host: HTMLElement, type: string): Promise<void> =>
  changeValue(
    el(
      host,
      ['Joint Call', 'Customer Meeting', 'Demo', 'Proposal', 'Deal Registration', 'QBR'].includes(type)
        ? 'type-buttons'
        : 'type-more',
    ),
    type,
  );

describe('c-apr-action-logger', () => {
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));

  describe('states', () => {
    it('shows a spinner while the opportunity loads', async () => {
      const host = mount('c-apr-action-logger', AprActionLogger, { recordId: OPPORTUNITY_ID });
      await flushPromises();
      expect(el(host, 'loading').querySelector('lightning-spinner')).toBeTruthy();
      expect(findAll(host, '[data-id="save"]')).toHaveLength(0);
    });

    it('shows why the opportunity cannot be read', async () => {
      const host = mount('c-apr-action-logger', AprActionLogger, { recordId: OPPORTUNITY_ID });
      await flushPromises();
      emitRecordError(OPPORTUNITY_ID, 'Insufficient privileges');
      await flushPromises();
      expect(textOf(el(host, 'load-error'))).toContain('Insufficient privileges');
      await expect(host).toBeAccessible();
    });

    it('lists the recent actions of the opportunity, or says there are none', async () => {
      const { host } = await renderLogger({
        recent: [
          {
            id: actionId(1),
            actionType: 'Demo',
            actionDate: '2026-05-18',
            actorName: USERS.ae.name,
            outcome: 'Positive',
          },
          { id: actionId(2), actionType: 'Joint Call', actionDate: '2026-05-11', actorName: USERS.pm.name },
        ],
      });
      expect(findAll(host, '[data-id="recent"] li').map(textOf)).toEqual([
        'Demo · May 18, 2026 · Avery Ellis · Positive',
        'Joint Call · May 11, 2026 · Priya Mehta',
      ]);
      const empty = await renderLogger({ recent: [] });
      expect(textOf(el(empty.host, 'recent-empty'))).toBe('No actions logged on this opportunity yet.');
    });

    it('shows an error when the recent actions cannot be read', async () => {
      const host = mount('c-apr-action-logger', AprActionLogger, { recordId: OPPORTUNITY_ID });
      await flushPromises();
      emitRecord(opportunityRecord());
      emitGraphQLErrors(OPPORTUNITY_ACTIONS_QUERY, ['Field Outcome__c is not accessible']);
      await flushPromises();
      expect(textOf(el(host, 'recent-error'))).toBe('Field Outcome__c is not accessible');
    });
  });

  describe('defaults', () => {
    it('defaults the date to today in the user time zone, the actor to the current user', async () => {
      const { host } = await renderLogger();
      expect(prop(el(host, 'date'), 'value')).toBe('2026-05-20');
      expect(prop(el(host, 'date'), 'max')).toBe('2026-05-20');
      expect(prop(el(host, 'actor'), 'value')).toBe(CURRENT_USER_ID);
      expect(prop(el(host, 'actor'), 'objectApiName')).toBe('User');
      expect(prop(el(host, 'quantity'), 'value')).toBe('1');
      await expect(host).toBeAccessible();
    });

    it('infers AE when the user owns the opportunity', async () => {
      const { host } = await renderLogger({ opportunity: { ownerId: CURRENT_USER_ID } });
      expect(prop(el(host, 'role'), 'value')).toBe('AE');
      expect(textOf(el(host, 'role-hint'))).toBe('AE: owns this opportunity.');
    });

    it('infers Partner Manager when the user is an accountable partner manager on the partner plan targets', async () => {
      const targets = [...TARGETS, { id: targetId(9), metric: 'Demos', ...q2, pmId: CURRENT_USER_ID }];
      const { host } = await renderLogger({ targets });
      expect(prop(el(host, 'role'), 'value')).toBe('Partner Manager');
      expect(textOf(el(host, 'role-hint'))).toBe("Partner Manager: accountable on this partner's plan targets.");
    });

    it('infers Partner Rep otherwise, and re-infers when the actor changes', async () => {
      const { host } = await renderLogger();
      expect(prop(el(host, 'role'), 'value')).toBe('Partner Rep');
      el(host, 'actor').dispatchEvent(new CustomEvent('change', { detail: { recordId: USERS.pm.id } }));
      await flushPromises();
      expect(prop(el(host, 'role'), 'value')).toBe('Partner Manager');
      el(host, 'actor').dispatchEvent(new CustomEvent('change', { detail: { recordId: USERS.ae.id } }));
      await flushPromises();
      expect(prop(el(host, 'role'), 'value')).toBe('AE');
    });
  });

  describe('logging an action', () => {
    it('logs in three clicks: type, then save; counts it toward the partner plan and target', async () => {
      const { host, toasts, closes, refreshRecent } = await renderLogger({ opportunity: { ownerId: CURRENT_USER_ID } });
      await chooseType(host, 'Joint Call');
      expect(countsToward(host)).toBe('Counts toward the Joint Calls target (FY2026 Q2) of plan Northwind FY2026.');
      await click(el(host, 'save'));
      await settle();
      expect(createPayloads()).toEqual([
        {
          apiName: 'APR_Action__c',
          fields: {
            Action_Type__c: 'Joint Call',
            Action_Date__c: '2026-05-20',
            Actor__c: CURRENT_USER_ID,
            Quantity__c: 1,
            Actor_Role__c: 'AE',
            Opportunity__c: OPPORTUNITY_ID,
            Partner_Account__c: PARTNER.id,
            Partner_Account_Plan__c: FY26,
            Plan_Target__c: JOINT_Q2,
          },
        },
      ]);
      expect(toasts).toEqual([{ title: 'Action logged', message: 'Joint Call logged.', variant: 'success' }]);
      expect(closes.count).toBe(1);
      expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([
        { recordId: OPPORTUNITY_ID },
        { recordId: JOINT_Q2 },
        { recordId: FY26 },
      ]);
      expect(refreshRecent).toHaveBeenCalled();
      // Ready for the next one (on a record page the form stays).
      expect(prop(el(host, 'type-buttons'), 'value')).toBeNull();
    });

    it('writes outcome, quantity, next step and notes when given', async () => {
      const { host } = await renderLogger();
      await chooseType(host, 'Demo');
      await changeValue(el(host, 'outcome'), 'Positive');
      await changeValue(el(host, 'quantity'), '2');
      await changeValue(el(host, 'next-step'), 'Send the pricing sheet');
      await changeValue(el(host, 'notes'), 'CFO joined; wants a pilot in June.');
      await click(el(host, 'save'));
      await settle();
      expect(createPayloads()[0].fields).toEqual({
        Action_Type__c: 'Demo',
        Action_Date__c: '2026-05-20',
        Actor__c: CURRENT_USER_ID,
        Quantity__c: 2,
        Actor_Role__c: 'Partner Rep',
        Opportunity__c: OPPORTUNITY_ID,
        Partner_Account__c: PARTNER.id,
        Partner_Account_Plan__c: FY26,
        Plan_Target__c: DEMOS_Q2,
        Outcome__c: 'Positive',
        Next_Step__c: 'Send the pricing sheet',
        Notes__c: 'CFO joined; wants a pilot in June.',
      });
    });

    it('resolves the target of the period that contains the date', async () => {
      const { host } = await renderLogger();
      await chooseType(host, 'Joint Call');
      await changeValue(el(host, 'date'), '2026-02-10');
      expect(countsToward(host)).toBe('Counts toward the Joint Calls target (FY2026 Q1) of plan Northwind FY2026.');
      await click(el(host, 'save'));
      await settle();
      expect(createPayloads()[0].fields).toMatchObject({ Action_Date__c: '2026-02-10', Plan_Target__c: JOINT_Q1 });
    });

    it("resolves the plan of the date: an action last year counts toward last year's plan", async () => {
      const { host } = await renderLogger();
      await chooseType(host, 'Joint Call');
      await changeValue(el(host, 'date'), '2025-11-03');
      expect(countsToward(host)).toBe(
        'Counts toward plan Northwind FY2025, which has no Joint Call target for this date.',
      );
      await click(el(host, 'save'));
      await settle();
      expect(createPayloads()[0].fields).toMatchObject({ Partner_Account_Plan__c: FY25 });
      expect(createPayloads()[0].fields).not.toHaveProperty('Plan_Target__c');
    });

    it('prefers the metric for exactly the type over a metric that counts several types', async () => {
      const { host } = await renderLogger();
      await chooseType(host, 'Email Campaign');
      await click(el(host, 'save'));
      await settle();
      expect(createPayloads()[0].fields).toMatchObject({ Action_Type__c: 'Email Campaign', Plan_Target__c: EMAIL_Q2 });
    });

    it('logs without a plan when no accepted or active plan covers the date', async () => {
      const { host } = await renderLogger({ plans: [PLANS[1]] });
      await chooseType(host, 'Proposal');
      expect(countsToward(host)).toBe(
        'Northwind Partners has no accepted or active plan covering May 20, 2026. The action is logged without a plan.',
      );
      await click(el(host, 'save'));
      await settle();
      const fields = createPayloads()[0].fields;
      expect(fields).toMatchObject({ Partner_Account__c: PARTNER.id });
      expect(fields).not.toHaveProperty('Partner_Account_Plan__c');
      expect(fields).not.toHaveProperty('Plan_Target__c');
    });

    it('logs on an opportunity without partner, and does not look for plans', async () => {
      const { host } = await renderLogger({ opportunity: { partnerId: null } });
      expect(countsToward(host)).toBe(
        'This opportunity has no partner account, so the action will not count toward a partner plan.',
      );
      expect(graphQLVariables(PARTNER_ACTIVE_PLANS_QUERY)).toBeUndefined();
      await chooseType(host, 'Customer Meeting');
      await click(el(host, 'save'));
      await settle();
      expect(createPayloads()[0].fields).toEqual({
        Action_Type__c: 'Customer Meeting',
        Action_Date__c: '2026-05-20',
        Actor__c: CURRENT_USER_ID,
        Quantity__c: 1,
        Actor_Role__c: 'Partner Rep',
        Opportunity__c: OPPORTUNITY_ID,
      });
    });

    it('uses the role the user picks instead of the inferred one', async () => {
      const { host } = await renderLogger();
      await chooseType(host, 'QBR');
      await changeValue(el(host, 'role'), 'Partner Manager');
      expect(textOf(el(host, 'role-hint'))).toBe('Chosen by you.');
      await click(el(host, 'save'));
      await settle();
      expect(createPayloads()[0].fields).toMatchObject({ Action_Type__c: 'QBR', Actor_Role__c: 'Partner Manager' });
    });

    it('asks for the type and refuses a future date before writing', async () => {
      const { host, closes } = await renderLogger();
      await click(el(host, 'save'));
      expect(errorMessages(host, '[data-id="errors"]')).toEqual(['Choose what you did.']);
      await chooseType(host, 'Demo');
      await changeValue(el(host, 'date'), '2026-05-21');
      await click(el(host, 'save'));
      expect(errorMessages(host, '[data-id="errors"]')).toEqual([
        'Log actions that happened: the date cannot be in the future.',
      ]);
      expect(createRecord).not.toHaveBeenCalled();
      expect(closes.count).toBe(0);
    });

    it('shows server errors on the field and in the summary, and stays open', async () => {
      createRecord.mockRejectedValueOnce(
        recordError({
          fieldErrors: { Quantity__c: 'Quantity must be at least 1.' },
          errors: ['Opportunity is locked.'],
        }),
      );
      const { host, closes, toasts } = await renderLogger();
      const quantity = el(host, 'quantity') as HTMLElement & { setCustomValidity: (m: string) => void };
      const fieldMessage = jest.spyOn(quantity, 'setCustomValidity');
      await chooseType(host, 'Demo');
      await click(el(host, 'save'));
      await settle();
      expect(fieldMessage).toHaveBeenLastCalledWith('Quantity must be at least 1.');
      expect(errorMessages(host, '[data-id="errors"]')).toEqual([
        'Opportunity is locked.',
        'Quantity must be at least 1.',
      ]);
      expect(closes.count).toBe(0);
      expect(toasts).toHaveLength(0);
      expect(prop(el(host, 'type-buttons'), 'value')).toBe('Demo');
      await expect(host).toBeAccessible();
    });

    it('offers the common types as buttons and the others in a list', async () => {
      const { host } = await renderLogger();
      expect(prop<{ value: string }[]>(el(host, 'type-buttons'), 'options').map((o) => o.value)).toEqual([
        'Joint Call',
        'Customer Meeting',
        'Demo',
        'Proposal',
        'Deal Registration',
        'QBR',
      ]);
      expect(prop<{ value: string }[]>(el(host, 'type-more'), 'options').map((o) => o.value)).toEqual([
        'Email Campaign',
        'Call Blitz',
        'Trade Show',
        'Training Delivered',
        'Certification Earned',
        'Coaching Session',
        'Other',
      ]);
      await chooseType(host, 'Trade Show');
      expect(prop(el(host, 'type-more'), 'value')).toBe('Trade Show');
      expect(prop(el(host, 'type-buttons'), 'value')).toBeNull();
    });

    it('closes without writing on cancel', async () => {
      const { host, closes } = await renderLogger();
      await chooseType(host, 'Demo');
      await click(el(host, 'cancel'));
      expect(closes.count).toBe(1);
      expect(createRecord).not.toHaveBeenCalled();
    });
  });
});

/** c-apr-action-dialog: the Log APR Action dialog (a LightningModal) on an opportunity. */
import AprActionDialog from 'c/aprActionDialog';
import {
  METRIC_CATALOG_QUERY,
  OPPORTUNITY_ACTIONS_QUERY,
  PARTNER_ACTIVE_PLANS_QUERY,
  PARTNER_ACTIVE_TARGETS_QUERY,
} from 'c/planData';
import {
  changeValue,
  click,
  deferred,
  errorMessages,
  find,
  findAll,
  flushPromises,
  prop,
  settle,
  textOf,
} from '@lwc-test/render';
import { openModals } from '@lwc-test/modal';
import { trackValidity } from '@lwc-test/validity';
import {
  CURRENT_USER_ID,
  createPayloads,
  createRecord,
  emitGraphQL,
  emitGraphQLErrors,
  emitObjectInfo,
  emitPicklist,
  emitRecord,
  emitRecordError,
  graphQLVariables,
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
const JOINT_Q1 = targetId(3);
const DEMOS_Q2 = targetId(4);
const EMAIL_Q2 = targetId(5);
const q2 = { periodType: 'Quarter', periodStart: '2026-04-01', periodEnd: '2026-06-30', planId: FY26 };
const TARGETS: TargetSpec[] = [
  {
    id: targetId(2),
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
  { id: targetId(6), metric: 'Campaign_Actions', ...q2 },
  { id: EMAIL_Q2, metric: 'Email_Campaigns', ...q2 },
];

interface Setup {
  opportunity?: OpportunitySpec;
  plans?: PlanNodeSpec[];
  targets?: TargetSpec[];
  recent?: ActionSpec[];
}

interface Opened {
  dialog: HTMLElement;
  result: Promise<unknown>;
}

async function openDialog(): Promise<Opened> {
  const result = AprActionDialog.open({ label: 'Log APR action', size: 'medium', recordId: OPPORTUNITY_ID });
  await flushPromises();
  return { dialog: openModals().at(-1) as HTMLElement, result };
}

async function renderDialog(setup: Setup = {}): Promise<Opened> {
  const opened = await openDialog();
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
  emitGraphQL(OPPORTUNITY_ACTIONS_QUERY, uiapi('APR_Action__c', (setup.recent ?? []).map(actionNode)));
  await flushPromises();
  return opened;
}

const el = (host: HTMLElement, dataId: string): HTMLElement => find(host, `[data-id="${dataId}"]`);
const countsToward = (host: HTMLElement): string => textOf(el(host, 'counts-toward'));
const COMMON = ['Joint Call', 'Customer Meeting', 'Demo', 'Proposal', 'Deal Registration', 'QBR'];
const chooseType = (host: HTMLElement, type: string): Promise<void> =>
  changeValue(el(host, COMMON.includes(type) ? 'type-buttons' : 'type-more'), type);
const isOpen = (dialog: HTMLElement): boolean => openModals().includes(dialog);

describe('c-apr-action-dialog', () => {
  beforeEach(() => freezeTime('2026-05-20T17:00:00.000Z'));

  describe('states', () => {
    it('is a dialog named by its title, with Cancel and Save in its footer and focus on its first field', async () => {
      const { dialog } = await renderDialog();
      expect(dialog.getAttribute('role')).toBe('dialog');
      expect(dialog.getAttribute('aria-label')).toBe('Log APR action');
      expect(prop(find(dialog, 'lightning-modal-header'), 'label')).toBe('Log APR action');
      const footer = find(dialog, 'lightning-modal-footer');
      expect(Array.from(footer.querySelectorAll('lightning-button')).map((b) => prop(b, 'label'))).toEqual([
        'Cancel',
        'Save',
      ]);
      expect(textOf(el(dialog, 'opportunity'))).toBe('On opportunity Contoso POS rollout · Northwind Partners');
      await expect(dialog).toBeAccessible();
    });

    it('shows a spinner while the opportunity loads, with Save disabled', async () => {
      const { dialog } = await openDialog();
      expect(el(dialog, 'loading').querySelector('lightning-spinner')).toBeTruthy();
      expect(prop(el(dialog, 'save'), 'disabled')).toBe(true);
      expect(findAll(dialog, '[data-id="type-buttons"]')).toHaveLength(0);
    });

    it('says in plain words that the opportunity cannot be opened, without the server text', async () => {
      const { dialog } = await openDialog();
      emitRecordError(OPPORTUNITY_ID, 'INVALID_CROSS_REFERENCE_KEY: ERROR at Row:1:Column:121');
      await flushPromises();
      const error = textOf(el(dialog, 'load-error'));
      expect(error).toContain("This opportunity can't be opened right now.");
      expect(error).not.toMatch(/INVALID|Row:1/);
      expect(prop(el(dialog, 'save'), 'disabled')).toBe(true);
      await expect(dialog).toBeAccessible();
    });

    it('keeps the recent actions collapsed under the form; expanded, each names its type, date, person and role', async () => {
      const { dialog } = await renderDialog({
        recent: [
          {
            id: actionId(1),
            actionType: 'Demo',
            actionDate: '2026-05-18',
            actorName: USERS.ae.name,
            actorRole: 'AE',
            outcome: 'Positive',
          },
          { id: actionId(2), actionType: 'Joint Call', actionDate: '2026-05-11', actorName: USERS.pm.name },
        ],
      });
      const toggle = el(dialog, 'recent-toggle');
      expect(textOf(toggle)).toBe('Recent actions on this opportunity (2)');
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      expect(findAll(dialog, '[data-id="recent"]')).toHaveLength(0);
      await click(toggle);
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(findAll(dialog, '[data-id="recent"] li').map(textOf)).toEqual([
        'Demo · May 18, 2026 · Avery Ellis (AE) · Positive',
        'Joint Call · May 11, 2026 · Priya Mehta',
      ]);
      await expect(dialog).toBeAccessible();
      await click(toggle);
      expect(findAll(dialog, '[data-id="recent"]')).toHaveLength(0);
    });

    it('says when there are no recent actions', async () => {
      const { dialog } = await renderDialog({ recent: [] });
      expect(textOf(el(dialog, 'recent-toggle'))).toBe('Recent actions on this opportunity (0)');
      await click(el(dialog, 'recent-toggle'));
      expect(textOf(el(dialog, 'recent-empty'))).toBe('No actions logged on this opportunity yet.');
    });

    it('says the recent actions cannot be shown, without the server text, and still logs', async () => {
      const { dialog } = await openDialog();
      emitRecord(opportunityRecord());
      emitGraphQLErrors(OPPORTUNITY_ACTIONS_QUERY, ['Field Outcome__c is not accessible']);
      await flushPromises();
      await click(el(dialog, 'recent-toggle'));
      expect(textOf(el(dialog, 'recent-error'))).toBe(
        "Recent actions can't be shown right now. You can still log this action.",
      );
      expect(prop(el(dialog, 'save'), 'disabled')).toBe(false);
    });
  });

  describe('defaults', () => {
    it('defaults the date to today in the user time zone, the actor to the current user', async () => {
      const { dialog } = await renderDialog();
      expect(prop(el(dialog, 'date'), 'value')).toBe('2026-05-20');
      expect(prop(el(dialog, 'date'), 'max')).toBe('2026-05-20');
      expect(prop(el(dialog, 'actor'), 'value')).toBe(CURRENT_USER_ID);
      expect(prop(el(dialog, 'quantity'), 'value')).toBe('1');
    });

    it('infers the role from the data, and re-infers when the actor changes', async () => {
      const owner = await renderDialog({ opportunity: { ownerId: CURRENT_USER_ID } });
      expect(prop(el(owner.dialog, 'role'), 'value')).toBe('AE');
      expect(textOf(el(owner.dialog, 'role-hint'))).toBe('AE: owns this opportunity.');
      const { dialog } = await renderDialog();
      expect(prop(el(dialog, 'role'), 'value')).toBe('Partner Rep');
      el(dialog, 'actor').dispatchEvent(new CustomEvent('change', { detail: { recordId: USERS.pm.id } }));
      await flushPromises();
      expect(prop(el(dialog, 'role'), 'value')).toBe('Partner Manager');
    });
  });

  describe('logging an action', () => {
    it('logs in a few clicks: type, then Save; counts it toward the plan and target and closes with what changed', async () => {
      const { dialog, result } = await renderDialog({ opportunity: { ownerId: CURRENT_USER_ID } });
      await chooseType(dialog, 'Joint Call');
      expect(countsToward(dialog)).toBe('Counts toward the Joint Calls target (FY2026 Q2) of plan Northwind FY2026.');
      await click(el(dialog, 'save'));
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
      await expect(result).resolves.toEqual({
        actionId: expect.any(String),
        typeLabel: 'Joint Call',
        changedRecordIds: [OPPORTUNITY_ID, JOINT_Q2, FY26],
      });
      expect(isOpen(dialog)).toBe(false);
    });

    it('writes outcome, quantity, next step and notes when given', async () => {
      const { dialog } = await renderDialog();
      await chooseType(dialog, 'Demo');
      await changeValue(el(dialog, 'outcome'), 'Positive');
      await changeValue(el(dialog, 'quantity'), '2');
      await changeValue(el(dialog, 'next-step'), 'Send the pricing sheet');
      await changeValue(el(dialog, 'notes'), 'CFO joined; wants a pilot in June.');
      await click(el(dialog, 'save'));
      await settle();
      expect(createPayloads()[0].fields).toMatchObject({
        Action_Type__c: 'Demo',
        Quantity__c: 2,
        Plan_Target__c: DEMOS_Q2,
        Outcome__c: 'Positive',
        Next_Step__c: 'Send the pricing sheet',
        Notes__c: 'CFO joined; wants a pilot in June.',
      });
    });

    it('resolves the plan and target of the date', async () => {
      const { dialog } = await renderDialog();
      await chooseType(dialog, 'Joint Call');
      await changeValue(el(dialog, 'date'), '2026-02-10');
      expect(countsToward(dialog)).toBe('Counts toward the Joint Calls target (FY2026 Q1) of plan Northwind FY2026.');
      await changeValue(el(dialog, 'date'), '2025-11-03');
      expect(countsToward(dialog)).toBe(
        'Counts toward plan Northwind FY2025, which has no Joint Call target for this date.',
      );
      await chooseType(dialog, 'Email Campaign');
      await changeValue(el(dialog, 'date'), '2026-05-20');
      await click(el(dialog, 'save'));
      await settle();
      expect(createPayloads()[0].fields).toMatchObject({ Action_Type__c: 'Email Campaign', Plan_Target__c: EMAIL_Q2 });
    });

    it('logs on an opportunity without partner, and does not look for plans', async () => {
      const { dialog } = await renderDialog({ opportunity: { partnerId: null } });
      expect(countsToward(dialog)).toBe(
        'This opportunity has no partner account, so the action will not count toward a partner plan.',
      );
      expect(graphQLVariables(PARTNER_ACTIVE_PLANS_QUERY)).toBeUndefined();
      await chooseType(dialog, 'Customer Meeting');
      await changeValue(el(dialog, 'role'), 'Partner Manager');
      expect(textOf(el(dialog, 'role-hint'))).toBe('Chosen by you.');
      await click(el(dialog, 'save'));
      await settle();
      expect(createPayloads()[0].fields).toEqual({
        Action_Type__c: 'Customer Meeting',
        Action_Date__c: '2026-05-20',
        Actor__c: CURRENT_USER_ID,
        Quantity__c: 1,
        Actor_Role__c: 'Partner Manager',
        Opportunity__c: OPPORTUNITY_ID,
      });
    });

    it('says the plan lookup failed in plain words', async () => {
      const { dialog } = await openDialog();
      emitRecord(opportunityRecord());
      await flushPromises();
      emitGraphQLErrors(PARTNER_ACTIVE_PLANS_QUERY, ['No such column Status__x on entity']);
      emitGraphQL(PARTNER_ACTIVE_TARGETS_QUERY, uiapi('Plan_Target__c', []));
      await flushPromises();
      expect(countsToward(dialog)).toBe(
        "The partner plan couldn't be looked up, so the action will be logged without a plan.",
      );
    });

    it('offers the common types as buttons and the others in a list, and every type in one list on a phone', async () => {
      const { dialog } = await renderDialog();
      expect(prop<{ value: string }[]>(el(dialog, 'type-buttons'), 'options').map((o) => o.value)).toEqual(COMMON);
      expect(prop<{ value: string }[]>(el(dialog, 'type-any'), 'options')).toHaveLength(13);
      expect(el(dialog, 'type-buttons').parentElement?.classList.contains('slds-show_medium')).toBe(true);
      expect(el(dialog, 'type-any').classList.contains('slds-hide_medium')).toBe(true);
      await changeValue(el(dialog, 'type-any'), 'Demo');
      expect(prop(el(dialog, 'type-buttons'), 'value')).toBe('Demo');
      await chooseType(dialog, 'Trade Show');
      expect(prop(el(dialog, 'type-more'), 'value')).toBe('Trade Show');
      expect(prop(el(dialog, 'type-buttons'), 'value')).toBeNull();
    });
  });

  describe('problems show on their fields', () => {
    it('asks for the type on its field, moves focus there and writes nothing', async () => {
      const { dialog } = await renderDialog();
      const type = el(dialog, 'type-buttons');
      const typeValidity = trackValidity(type);
      const anyValidity = trackValidity(el(dialog, 'type-any'));
      const dateValidity = trackValidity(el(dialog, 'date'));
      const focus = jest.spyOn(type, 'focus');
      await click(el(dialog, 'save'));
      expect(typeValidity.message()).toBe('Choose what you did.');
      expect(typeValidity.reported()).toBe(true);
      expect(anyValidity.message()).toBe('Choose what you did.');
      expect(dateValidity.message()).toBe('');
      expect(focus).toHaveBeenCalled();
      expect(createRecord).not.toHaveBeenCalled();
      expect(isOpen(dialog)).toBe(true);
      // Choosing a type clears its message.
      await chooseType(dialog, 'Demo');
      expect(typeValidity.message()).toBe('');
    });

    it('refuses a future date and a quantity under 1 on their fields', async () => {
      const { dialog } = await renderDialog();
      const date = trackValidity(el(dialog, 'date'));
      const quantity = trackValidity(el(dialog, 'quantity'));
      await chooseType(dialog, 'Demo');
      await changeValue(el(dialog, 'date'), '2026-05-21');
      await changeValue(el(dialog, 'quantity'), '0');
      await click(el(dialog, 'save'));
      expect(date.message()).toBe('Log actions that happened: the date cannot be in the future.');
      expect(quantity.message()).toBe('How many must be a whole number of at least 1.');
      expect(createRecord).not.toHaveBeenCalled();
    });

    it('puts server field errors on their fields and stays open', async () => {
      createRecord.mockRejectedValueOnce(recordError({ fieldErrors: { Quantity__c: 'Quantity must be at least 1.' } }));
      const { dialog } = await renderDialog();
      const quantity = trackValidity(el(dialog, 'quantity'));
      await chooseType(dialog, 'Demo');
      await click(el(dialog, 'save'));
      await settle();
      expect(quantity.message()).toBe('Quantity must be at least 1.');
      expect(findAll(dialog, '[data-id="errors"]')).toHaveLength(0);
      expect(isOpen(dialog)).toBe(true);
      expect(prop(el(dialog, 'type-buttons'), 'value')).toBe('Demo');
      await expect(dialog).toBeAccessible();
    });

    it('says a save failed in plain words when the problem belongs to no field, never the server text', async () => {
      createRecord.mockRejectedValueOnce(
        recordError({ errors: ['insufficient access rights on cross-reference id: 006000000000001'] }),
      );
      const { dialog } = await renderDialog();
      await chooseType(dialog, 'Demo');
      await click(el(dialog, 'save'));
      await settle();
      expect(errorMessages(dialog, '[data-id="errors"]')).toEqual([
        "The action wasn't saved. Try again; if it keeps happening, ask your Salesforce admin to check that you can log APR actions on this opportunity.",
      ]);
      expect(isOpen(dialog)).toBe(true);
    });
  });

  describe('keyboard and closing', () => {
    it('closes on Escape without writing, resolving nothing', async () => {
      const { dialog, result } = await renderDialog();
      await chooseType(dialog, 'Demo');
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await expect(result).resolves.toBeUndefined();
      expect(isOpen(dialog)).toBe(false);
      expect(createRecord).not.toHaveBeenCalled();
    });

    it('closes on Cancel without writing', async () => {
      const { dialog, result } = await renderDialog();
      await click(el(dialog, 'cancel'));
      await expect(result).resolves.toBeUndefined();
      expect(createRecord).not.toHaveBeenCalled();
    });

    it('disables Save and Cancel and ignores Escape while saving', async () => {
      const pending = deferred<{ id: string }>();
      createRecord.mockReturnValueOnce(pending.promise as never);
      const { dialog, result } = await renderDialog();
      await chooseType(dialog, 'Demo');
      await click(el(dialog, 'save'));
      expect(prop(el(dialog, 'save'), 'disabled')).toBe(true);
      expect(prop(el(dialog, 'cancel'), 'disabled')).toBe(true);
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await flushPromises();
      expect(isOpen(dialog)).toBe(true);
      await click(el(dialog, 'save'));
      expect(createRecord).toHaveBeenCalledTimes(1);
      pending.resolve({ id: actionId(9) });
      await settle();
      await expect(result).resolves.toMatchObject({ actionId: actionId(9), typeLabel: 'Demo' });
    });
  });
});

import {
  PAIR_TARGETS_QUERY,
  PLAN_TARGETS_CURRENCY_QUERY,
  PLAN_TARGETS_QUERY,
  createSections,
  logAprAction,
  markPlanAccepted,
  notifyRecordsChanged,
  parseRecordError,
  readActions,
  readMetrics,
  readOpportunity,
  readPicklist,
  readPlanHeader,
  readSections,
  readTargets,
  saveSectionOrder,
  saveTargetEdits,
  snapshotBaselines,
  targetCurrencyField,
  updateRecords,
  type Metric,
  type PlanHeader,
  type PlanTarget,
} from 'c/planData';
import {
  createPayloads,
  createRecord,
  documentSource,
  notifyRecordUpdateAvailable,
  recordError,
  updatePayloads,
  updateRecord,
} from '@lwc-test/platform';
import {
  CUSTOMER,
  MARKETING_SPEND,
  OPPORTUNITY_ID,
  PARTNER,
  PLAN_ID,
  USERS,
  actionId,
  actionNode,
  catalogData,
  opportunityRecord,
  planRecord,
  sectionNode,
  targetId,
  targetNode,
  targetWithPlanNode,
  uiapi,
} from '@lwc-test/fixtures';

const ready = <T>(value: { kind: string; value?: T }): T => {
  if (value.kind !== 'ready') throw new Error(`not ready: ${value.kind}`);
  return value.value as T;
};

describe('c/planData', () => {
  describe('GraphQL documents', () => {
    it('are UI API queries over the project objects', () => {
      const text = documentSource(PAIR_TARGETS_QUERY);
      expect(text).toContain('uiapi');
      expect(text).toContain('Plan_Target__c(');
      expect(text).toContain('first: 2000');
      expect(text).toContain('pageInfo');
    });
  });

  describe('readers', () => {
    it('map target nodes to targets, with the plan reached through the section', () => {
      const targets = ready<PlanTarget[]>(
        readTargets({
          data: uiapi('Plan_Target__c', [
            targetWithPlanNode({
              id: targetId(1),
              metric: 'Joint_Calls',
              baselineValue: 90,
              aeId: USERS.ae.id,
              aeName: USERS.ae.name,
              targetAccountId: CUSTOMER.id,
              targetAccountName: CUSTOMER.name,
              planId: PLAN_ID,
              planStatus: 'Accepted',
            }),
          ]),
        }),
      );
      expect(targets[0]).toMatchObject({
        id: targetId(1),
        metric: 'Joint_Calls',
        periodType: 'Quarter',
        periodStart: '2026-04-01',
        targetValue: 100,
        baselineValue: 90,
        aeId: USERS.ae.id,
        aeName: USERS.ae.name,
        partnerManagerId: null,
        targetAccountName: CUSTOMER.name,
        planId: PLAN_ID,
        planStatus: 'Accepted',
        partnerAccountId: PARTNER.id,
        partnerName: PARTNER.name,
        planFiscalYear: 'FY2026',
        planPeriodStart: '2026-01-01',
        // Without CurrencyIsoCode (a single-currency org's document) the target has no currency of its own.
        currencyIsoCode: null,
      });
      const euro = ready<PlanTarget[]>(
        readTargets({
          data: uiapi('Plan_Target__c', [targetNode({ id: targetId(2), metric: 'Demos', currencyIsoCode: 'EUR' })]),
        }),
      );
      expect(euro[0]).toMatchObject({ currencyIsoCode: 'EUR', planId: null, planFiscalYear: null });
    });

    it("tell from the targets' object info whether they have CurrencyIsoCode, and wait for it", () => {
      const info = (fields: string[]) =>
        ({
          data: { fields: Object.fromEntries(fields.map((f) => [f, { apiName: f }])) },
        }) as unknown as Parameters<typeof targetCurrencyField>[0];
      expect(targetCurrencyField(undefined)).toBeUndefined();
      expect(targetCurrencyField({ data: undefined, error: undefined })).toBeUndefined();
      expect(targetCurrencyField(info(['Target_Value__c', 'CurrencyIsoCode']))).toBe(true);
      expect(targetCurrencyField(info(['Target_Value__c']))).toBe(false);
      // A failed object info still lets the targets load (their values then read in the org's currency).
      expect(targetCurrencyField({ data: undefined, error: { status: 500 } })).toBe(false);
      expect(documentSource(PLAN_TARGETS_QUERY)).not.toContain('CurrencyIsoCode');
      expect(documentSource(PLAN_TARGETS_CURRENCY_QUERY)).toContain('CurrencyIsoCode');
    });

    it('report loading, GraphQL errors and lists cut off at the page size', () => {
      expect(readSections(undefined)).toEqual({ kind: 'loading' });
      expect(readSections({ data: undefined, errors: undefined })).toEqual({ kind: 'loading' });
      expect(readSections({ errors: [{ message: 'Bad field' }, { message: 'Bad filter' }] })).toEqual({
        kind: 'error',
        message: 'Bad field Bad filter',
      });
      const cut = readSections({
        data: uiapi('Plan_Section__c', [sectionNode({ id: 'S', name: 'Sales' })], { hasNextPage: true }),
      });
      expect(cut).toMatchObject({ kind: 'ready', truncated: true });
    });

    it('read the catalog, actions and picklists', () => {
      const metrics = ready<Metric[]>(readMetrics({ data: catalogData() }));
      expect(metrics.find((m) => m.name === 'Joint_Calls')).toMatchObject({
        label: 'Joint Calls',
        filter: "Action_Type__c = 'Joint Call'",
        direction: 'Higher is better',
        shape: 'Cumulative',
        aheadThreshold: null,
      });
      const spend = ready<Metric[]>(
        readMetrics({ data: catalogData([{ ...MARKETING_SPEND, aheadThreshold: 105, behindThreshold: 95 }]) }),
      );
      expect(spend[0]).toMatchObject({ direction: 'Stay within budget', aheadThreshold: 105, behindThreshold: 95 });
      const help = 'Cost of the marketing actions logged with this partner. Stays within budget.';
      const helped = ready<Metric[]>(readMetrics({ data: catalogData([{ ...MARKETING_SPEND, helpText: help }]) }));
      expect(helped[0].helpText).toBe(help);
      expect(metrics.find((m) => m.name === 'Joint_Calls')?.helpText).toBeNull();
      const actions = ready<{ opportunityWon: boolean; quantity: number }[]>(
        readActions({
          data: uiapi('APR_Action__c', [
            actionNode({
              id: actionId(1),
              actionType: 'Demo',
              actionDate: '2026-05-01',
              opportunityWon: true,
              quantity: 2,
            }),
          ]),
        }),
      );
      expect(actions[0]).toMatchObject({ opportunityWon: true, quantity: 2 });
      expect(
        readPicklist({
          data: {
            defaultValue: null,
            controllerValues: {},
            values: [{ label: 'Entwurf', value: 'Draft', validFor: [], attributes: null }],
          },
        }),
      ).toEqual([{ label: 'Entwurf', value: 'Draft' }]);
      expect(readPicklist(undefined)).toEqual([]);
    });

    it('map the plan and opportunity records, including spanning fields', () => {
      const plan = ready<PlanHeader>(
        readPlanHeader({
          data: planRecord({ status: 'Accepted', acceptedById: USERS.me.id, acceptedByName: USERS.me.name }),
        }),
      );
      expect(plan).toMatchObject({
        id: PLAN_ID,
        partnerName: PARTNER.name,
        status: 'Accepted',
        acceptedByName: USERS.me.name,
      });
      expect(ready(readOpportunity({ data: opportunityRecord({ isWon: true }) }))).toMatchObject({
        id: OPPORTUNITY_ID,
        ownerId: USERS.ae.id,
        partnerAccountId: PARTNER.id,
        partnerName: PARTNER.name,
        isWon: true,
      });
      expect(readPlanHeader({ error: { status: 404, body: [{ message: 'Not found' }] } })).toEqual({
        kind: 'error',
        message: 'Not found',
      });
    });
  });

  describe('errors', () => {
    it('split UI API record errors into field errors and messages', () => {
      expect(
        parseRecordError(recordError({ fieldErrors: { Target_Value__c: 'Too big' }, errors: ['Locked'] })),
      ).toEqual({ fieldErrors: { Target_Value__c: ['Too big'] }, messages: ['Locked'] });
      expect(parseRecordError({ body: [{ message: 'A' }, { message: 'B' }] })).toEqual({
        fieldErrors: {},
        messages: ['A', 'B'],
      });
      expect(parseRecordError({ body: { message: 'Session expired' } }).messages).toEqual(['Session expired']);
      expect(parseRecordError(new Error('Network down')).messages).toEqual(['Network down']);
      expect(parseRecordError(undefined).messages).toEqual(['Something went wrong, and the server did not say what.']);
    });
  });

  describe('writes', () => {
    it('run one updateRecord per record in parallel and report each outcome in order', async () => {
      updateRecord.mockImplementation(async (input) => {
        if (input.fields.Id === 'B')
          throw recordError({ fieldErrors: { Weight__c: 'Weight must be greater than zero.' } });
        return { id: input.fields.Id, apiName: '', fields: {} };
      });
      const outcomes = await updateRecords([{ fields: { Id: 'A' } }, { fields: { Id: 'B' } }, { fields: { Id: 'C' } }]);
      expect(outcomes.map((o) => [o.id, o.ok])).toEqual([
        ['A', true],
        ['B', false],
        ['C', true],
      ]);
      expect(outcomes[1].fieldErrors).toEqual({ Weight__c: ['Weight must be greater than zero.'] });
    });

    it('snapshot only the baselines that differ, and write the revision reason with baselined edits', async () => {
      const t = (id: string, targetValue: number, baselineValue: number | null) =>
        ({ id, targetValue, baselineValue }) as PlanTarget;
      await snapshotBaselines([t('A', 10, null), t('B', 20, 20), t('C', 30, 25)]);
      await saveTargetEdits([
        { targetId: 'A', targetValue: 12 },
        { targetId: 'C', targetValue: 28, revisionReason: 'Market shift' },
      ]);
      expect(updatePayloads()).toEqual([
        { Id: 'A', Baseline_Target_Value__c: 10 },
        { Id: 'C', Baseline_Target_Value__c: 30 },
        { Id: 'A', Target_Value__c: 12 },
        { Id: 'C', Target_Value__c: 28, Revision_Reason__c: 'Market shift' },
      ]);
    });

    it('stamp the acceptance and start the version at 1 when it was blank', async () => {
      await markPlanAccepted(
        { id: PLAN_ID, version: null } as PlanHeader,
        USERS.me.id,
        new Date('2026-05-20T17:00:00Z'),
      );
      expect(updatePayloads()).toEqual([
        {
          Id: PLAN_ID,
          Status__c: 'Accepted',
          Accepted_By__c: USERS.me.id,
          Accepted_On__c: '2026-05-20T17:00:00.000Z',
          Version__c: 1,
        },
      ]);
    });

    it('rewrite the sort order of the sections that moved only', async () => {
      await saveSectionOrder([
        { id: 'A', sortOrder: 10 },
        { id: 'C', sortOrder: 30 },
        { id: 'B', sortOrder: 20 },
      ]);
      expect(updatePayloads()).toEqual([
        { Id: 'C', Sort_Order__c: 20 },
        { Id: 'B', Sort_Order__c: 30 },
      ]);
    });

    it('create sections in parallel and report the failed ones under a key', async () => {
      createRecord.mockRejectedValueOnce(recordError({ errors: ['Nope'] }));
      const outcomes = await createSections(PLAN_ID, [
        { name: 'A', sectionType: 'Marketing', summary: null, sortOrder: 10 },
        { name: 'B', sectionType: 'Custom', summary: 'Why', sortOrder: 20 },
      ]);
      expect(outcomes.map((o) => [o.id, o.ok, o.messages])).toEqual([
        ['new-section-0', false, ['Nope']],
        [expect.stringMatching(/^a0X/), true, []],
      ]);
      expect(createPayloads()[1].fields).toEqual({
        Partner_Account_Plan__c: PLAN_ID,
        Name: 'B',
        Section_Type__c: 'Custom',
        Sort_Order__c: 20,
        Summary__c: 'Why',
      });
    });

    it('log an action without the optional fields left empty', async () => {
      const outcome = await logAprAction({
        actionType: 'Demo',
        actionDate: '2026-05-20',
        actorId: USERS.me.id,
        actorRole: null,
        quantity: 1,
        opportunityId: null,
        partnerAccountId: PARTNER.id,
        planId: null,
        targetId: null,
        outcome: null,
        nextStep: '',
        notes: null,
      });
      expect(outcome.ok).toBe(true);
      expect(createPayloads()).toEqual([
        {
          apiName: 'APR_Action__c',
          fields: {
            Action_Type__c: 'Demo',
            Action_Date__c: '2026-05-20',
            Actor__c: USERS.me.id,
            Quantity__c: 1,
            Partner_Account__c: PARTNER.id,
          },
        },
      ]);
    });

    it('tell LDS about the records changed on the server, skipping blanks', async () => {
      await notifyRecordsChanged([OPPORTUNITY_ID, null, undefined]);
      await notifyRecordsChanged([null]);
      expect(notifyRecordUpdateAvailable.mock.calls).toEqual([[[{ recordId: OPPORTUNITY_ID }]]]);
    });
  });
});

/**
 * The text summary of `plans create` / `plans rollover` (plansSummaryLines): what was rolled into what, the
 * totals, one line per plan that was not simply created (skipped with its reason, failed with the org's error
 * code and message, planned in a dry run) and the notes, then the API requests.
 */
import { plansSummaryLines, type PlanResult, type PlansReport } from '../../packages/jobs/plans/report';

const facts = { org: 'local org at http://127.0.0.1:6110', apiRequests: 12, seconds: 1.5 };
const none = { plans: 0, sections: 0, targets: 0 };

const result = (fields: Partial<PlanResult>): PlanResult => ({
  partnerId: '001000000000001AAA',
  partnerKey: 'ACC-1',
  partnerName: 'Acme',
  planKey: 'PLAN-ACC-1-FY2027',
  planId: null,
  outcome: 'created',
  created: none,
  failures: [],
  notes: [],
  ...fields,
});

const report = (fields: Partial<PlansReport>): PlansReport => ({
  command: 'rollover',
  fiscalYear: 'FY2027',
  period: { start: '2026-04-01', end: '2027-03-31' },
  dryRun: false,
  fromFiscalYear: 'FY2026',
  carryShortfall: true,
  plans: [],
  created: none,
  skipped: 0,
  failed: 0,
  failures: [],
  notes: [],
  ...fields,
});

it('lists skipped, failed and noted plans under the totals', () => {
  const failure = {
    sobject: 'Plan_Target__c',
    record: 'PLAN-ACC-2-FY2027-T002',
    errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
    message: 'The carried shortfall must be between 0 and the target value, which includes it.',
    fields: ['Carried_Shortfall__c'],
  };
  const lines = plansSummaryLines({
    ...facts,
    ...report({
      created: { plans: 2, sections: 4, targets: 9 },
      skipped: 1,
      failed: 1,
      plans: [
        result({ created: { plans: 1, sections: 2, targets: 5 } }),
        result({
          partnerName: 'Borealis',
          planKey: 'PLAN-ACC-2-FY2027',
          sourcePlanName: 'Borealis FY2026 Plan',
          outcome: 'failed',
          created: { plans: 1, sections: 2, targets: 4 },
          failures: [failure],
          notes: ['the accountable AE of target T1 (Joint_Calls) 005000000000009AAA is inactive: left blank'],
        }),
        result({
          partnerName: 'Cirrus',
          outcome: 'skipped',
          reason: 'status Draft: only Active and Closed plans roll over',
        }),
      ],
    }),
  });
  expect(lines).toEqual([
    "Rolled FY2026's plans over to FY2027 (2026-04-01 to 2027-03-31), carrying shortfalls, in local org at http://127.0.0.1:6110 in 1.5s.",
    'Created: 2 plans, 4 sections, 9 targets.',
    'Plans: 3 considered, 1 created, 0 completed, 1 skipped, 1 failed.',
    '  failed PLAN-ACC-2-FY2027 for Borealis from "Borealis FY2026 Plan": 1 plans, 2 sections, 4 targets',
    '    FAILED Plan_Target__c PLAN-ACC-2-FY2027-T002: FIELD_CUSTOM_VALIDATION_EXCEPTION The carried shortfall must be between 0 and the target value, which includes it. [Carried_Shortfall__c]',
    '    note: the accountable AE of target T1 (Joint_Calls) 005000000000009AAA is inactive: left blank',
    '  skipped Cirrus: status Draft: only Active and Closed plans roll over',
    'API requests: 12.',
  ]);
});

it('says what a dry run would create', () => {
  const lines = plansSummaryLines({
    ...facts,
    ...report({
      command: 'create',
      template: 'Gold',
      dryRun: true,
      plans: [result({ outcome: 'planned', created: { plans: 1, sections: 5, targets: 39 } })],
      notes: ['No partner accounts of the tier "Gold".'],
    }),
  });
  expect(lines).toEqual([
    'Created FY2027 (2026-04-01 to 2027-03-31) plans from template Gold in local org at http://127.0.0.1:6110 in 1.5s (dry run: nothing written).',
    'Would create: 1 plans, 5 sections, 39 targets.',
    'Plans: 1 considered, 0 created, 0 completed, 0 skipped, 0 failed.',
    '  would create PLAN-ACC-1-FY2027 for Acme: 1 plans, 5 sections, 39 targets',
    'note: No partner accounts of the tier "Gold".',
    'API requests: 12.',
  ]);
});

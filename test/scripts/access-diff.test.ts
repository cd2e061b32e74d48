/**
 * The access job's partner decision, pure (no org): each plan past Draft gets one share of
 * Shared_With_Partner__c to its partner account's role group, at Edit in Partner Review and Read after; a Draft
 * gets none; a plan whose account has no partner roles yet is skipped and counted with its account; existing
 * shares are kept, set to the status's level, or deleted; a second diff over the result changes nothing.
 */
import { diffPartnerAccess } from '../../packages/jobs/access/diff';
import type { PlanFacts, ReasonShare } from '../../packages/jobs/access/read';
import { emptyAccessReport, PARTNER_REASON } from '../../packages/jobs/access/types';

const plan = (status: string | null, accountId: string | null = 'acc1'): PlanFacts => ({
  ownerId: 'owner',
  accountId,
  status,
});
const share = (id: string, planId: string, group: string, level: string): ReasonShare => ({
  Id: id,
  ParentId: planId,
  UserOrGroupId: group,
  AccessLevel: level,
});
const groups = new Map([['acc1', 'grp1']]);

it('shares plans past Draft with the partner role group at the level of their status', () => {
  const plans = new Map<string, PlanFacts>([
    ['draft', plan('Draft')],
    ['review', plan('Partner Review')],
    ['accepted', plan('Accepted')],
    ['active', plan('Active')],
    ['revision', plan('In Revision')],
    ['closed', plan('Closed')],
    ['orphan', plan('Active', null)],
  ]);
  const report = emptyAccessReport(false);
  const changes = diffPartnerAccess({ plans, groups, shares: [] }, report);
  expect(changes).toEqual(
    [
      ['review', 'Edit'],
      ['accepted', 'Read'],
      ['active', 'Read'],
      ['revision', 'Read'],
      ['closed', 'Read'],
    ].map(([planId, accessLevel]) => ({
      action: 'insert',
      reason: PARTNER_REASON,
      planId,
      userId: 'grp1',
      accessLevel,
    })),
  );
  expect(report.partner).toMatchObject({
    wanted: 5,
    unchanged: 0,
    skipped: { drafts: 2, accountsWithoutRoles: 0, plansWithoutRoles: 0 },
  });
});

it('keeps a right share, changes the level as the status moves, deletes a Draft’s and duplicates', () => {
  const plans = new Map<string, PlanFacts>([
    ['p1', plan('Accepted')],
    ['p2', plan('Partner Review')],
    ['p3', plan('Draft')],
    ['p4', plan('Active')],
  ]);
  const shares = [
    share('s1', 'p1', 'grp1', 'Edit'),
    share('s2', 'p2', 'grp1', 'Edit'),
    share('s3', 'p3', 'grp1', 'Read'),
    share('s4', 'p4', 'grp1', 'Read'),
    share('s5', 'p4', 'grp1', 'Read'),
    share('s6', 'p4', 'grp-old', 'Read'),
  ];
  const report = emptyAccessReport(false);
  const changes = diffPartnerAccess({ plans, groups, shares }, report);
  const base = { reason: PARTNER_REASON, userId: 'grp1' };
  expect(changes).toEqual([
    { action: 'update', ...base, planId: 'p1', shareId: 's1', accessLevel: 'Read' },
    { action: 'delete', ...base, planId: 'p3', shareId: 's3' },
    { action: 'delete', ...base, planId: 'p4', shareId: 's5' },
    { action: 'delete', reason: PARTNER_REASON, planId: 'p4', userId: 'grp-old', shareId: 's6' },
  ]);
  expect(report.partner).toMatchObject({ wanted: 3, unchanged: 2 });
  // Once written, the same facts change nothing.
  const after = [
    share('s1', 'p1', 'grp1', 'Read'),
    share('s2', 'p2', 'grp1', 'Edit'),
    share('s4', 'p4', 'grp1', 'Read'),
  ];
  const again = emptyAccessReport(false);
  expect(diffPartnerAccess({ plans, groups, shares: after }, again)).toEqual([]);
  expect(again.partner.unchanged).toBe(3);
});

it('skips the plans of a partner account without partner roles, counting the account once', () => {
  const plans = new Map<string, PlanFacts>([
    ['p1', plan('Active', 'acc2')],
    ['p2', plan('Partner Review', 'acc2')],
    ['p3', plan('Closed', 'acc3')],
    ['p4', plan('Draft', 'acc4')],
    ['p5', plan('Active')],
  ]);
  const report = emptyAccessReport(false);
  // A share left from before the account lost its roles (its group is gone) is deleted.
  const changes = diffPartnerAccess({ plans, groups, shares: [share('s1', 'p1', 'grp2', 'Read')] }, report);
  expect(changes.map((c) => `${c.action} ${c.planId}`)).toEqual(['delete p1', 'insert p5']);
  expect(report.partner.skipped).toEqual({ drafts: 1, accountsWithoutRoles: 2, plansWithoutRoles: 3 });
});

/** c/planData: the partner's side: the running user, comments, the shared documents and the partner's decisions. */
import {
  PARTNER_PLANS_QUERY,
  PLAN_COMMENTS_QUERY,
  SHARED_SECTIONS_QUERY,
  SHARED_TARGETS_CURRENCY_QUERY,
  SHARED_TARGETS_QUERY,
  markPlanAccepted,
  readComments,
  readPlanHeader,
  readRunningUser,
  requestChanges,
  type PlanHeader,
} from 'c/planData';
import { createRecord, documentSource, recordError, updatePayloads, updateRecord } from '@lwc-test/platform';
import { USERS, planRecord, uiapi } from '@lwc-test/fixtures';
import { PARTNER_CONTACT, commentId, commentNode, userRecord } from '@lwc-test/partnerFixtures';

const ready = <T>(value: { kind: string; value?: T }): T => {
  if (value.kind !== 'ready') throw new Error(`not ready: ${value.kind}`);
  return value.value as T;
};

const header = (): PlanHeader => ready(readPlanHeader({ data: planRecord({ status: 'Partner Review' }) }));

describe('c/planData partner side', () => {
  it('tells partner users (a ContactId) from internal ones', () => {
    expect(ready(readRunningUser(USERS.me.id, { data: userRecord('partner') }))).toEqual({
      id: USERS.me.id,
      name: 'Dana Reyes',
      contactId: PARTNER_CONTACT.id,
      userType: 'PowerPartner',
      isPartner: true,
    });
    expect(ready(readRunningUser(USERS.me.id, { data: userRecord('internal') })).isPartner).toBe(false);
    expect(readRunningUser(USERS.me.id, undefined)).toEqual({ kind: 'loading' });
    expect(
      readRunningUser(USERS.me.id, { error: { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'Gone' }] } }),
    ).toEqual({ kind: 'error', message: 'Gone' });
  });

  it("reads the plan's owner, partner acceptance and change request", () => {
    const plan = ready(
      readPlanHeader({
        data: planRecord({
          status: 'In Revision',
          acceptedByContactId: PARTNER_CONTACT.id,
          acceptedByContactName: PARTNER_CONTACT.name,
          changeRequestReason: 'Too many demos',
          changesRequestedOn: '2026-05-18T16:30:00.000Z',
          changesRequestedById: USERS.me.id,
          changesRequestedByName: 'Dana Reyes',
        }),
      }),
    );
    expect(plan).toMatchObject({
      ownerId: USERS.pm.id,
      acceptedByContactId: PARTNER_CONTACT.id,
      acceptedByContactName: 'Dana Reyes',
      changeRequestReason: 'Too many demos',
      changesRequestedOn: '2026-05-18T16:30:00.000Z',
      changesRequestedById: USERS.me.id,
      changesRequestedByName: 'Dana Reyes',
    });
  });

  it('maps comments with their author, time and target', () => {
    const comments = ready(
      readComments({
        data: uiapi('Plan_Comment__c', [
          commentNode({ id: commentId(1), body: 'Hi', createdDate: '2026-05-20T10:00:00.000Z', targetId: 'T1' }),
        ]),
        errors: undefined,
      }),
    );
    expect(comments).toEqual([
      {
        id: commentId(1),
        body: 'Hi',
        internalOnly: false,
        createdDate: '2026-05-20T10:00:00.000Z',
        authorId: USERS.pm.id,
        authorName: 'Priya Mehta',
        targetId: 'T1',
        targetMetric: 'Joint_Calls',
        targetPeriodTypeLabel: 'Quarter',
        targetPeriodStart: '2026-04-01',
        targetPeriodEnd: '2026-06-30',
      },
    ]);
  });

  it("selects only what a partner user may read, and only the partner's sections", () => {
    for (const query of [SHARED_TARGETS_QUERY, SHARED_TARGETS_CURRENCY_QUERY]) {
      const source = documentSource(query);
      expect(source).toContain('Visible_To_Partner__c: { eq: true }');
      for (const internal of ['Accountable_AE', 'Accountable_Partner_Manager', 'Target_Account', 'External_Key']) {
        expect(source).not.toContain(internal);
      }
    }
    expect(documentSource(SHARED_TARGETS_CURRENCY_QUERY)).toContain('CurrencyIsoCode');
    expect(documentSource(SHARED_TARGETS_QUERY)).not.toContain('CurrencyIsoCode');
    expect(documentSource(SHARED_SECTIONS_QUERY)).toContain('Visible_To_Partner__c: { eq: true }');
    expect(documentSource(SHARED_SECTIONS_QUERY)).not.toContain('Budget__c');
    for (const internal of ['Strengths__c', 'Weaknesses__c', 'Budget__c', 'Actual_Cost__c']) {
      expect(documentSource(PARTNER_PLANS_QUERY)).not.toContain(internal);
    }
    expect(documentSource(PARTNER_PLANS_QUERY)).not.toContain('"Draft"');
    expect(documentSource(PLAN_COMMENTS_QUERY)).toContain('CreatedDate: { order: DESC }');
  });

  it('leaves the partner contact out of an internal acceptance', async () => {
    await markPlanAccepted(
      { ...header(), acceptedByContactId: null },
      USERS.pm.id,
      new Date('2026-05-20T17:00:00.000Z'),
    );
    expect(updatePayloads()[0]).not.toHaveProperty('Accepted_By_Contact__c');
  });

  it("clears a partner's earlier acceptance contact when an internal user accepts the revised plan", async () => {
    await markPlanAccepted(
      { ...header(), acceptedByContactId: PARTNER_CONTACT.id },
      USERS.pm.id,
      new Date('2026-05-20T17:00:00.000Z'),
    );
    expect(updatePayloads()[0]).toMatchObject({ Accepted_By__c: USERS.pm.id, Accepted_By_Contact__c: null });
  });

  it("creates no task when the plan's change request is refused", async () => {
    updateRecord.mockRejectedValueOnce(recordError({ errors: ['Give the reason for the changes.'] }));
    const result = await requestChanges(header(), 'x', USERS.me.id, new Date(), '2026-05-20');
    expect(result.plan).toMatchObject({ ok: false, messages: ['Give the reason for the changes.'] });
    expect(result.task).toBeNull();
    expect(createRecord).not.toHaveBeenCalled();
  });

  it("keeps a task's subject within Task.Subject's 255 characters", async () => {
    const plan = { ...header(), name: 'N'.repeat(300) };
    await requestChanges(plan, 'x', USERS.me.id, new Date(), '2026-05-20');
    const subject = createRecord.mock.calls[0][0].fields.Subject as string;
    expect(subject).toHaveLength(255);
    expect(subject.startsWith('Changes requested: NNN')).toBe(true);
  });
});

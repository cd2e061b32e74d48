/**
 * Moves a plan along its lifecycle the way the validation rules allow (one documented step per save, the
 * acceptance stamped with who, when and the next version), for tests that need a plan in a given status.
 * The steps are the seed's (packages/jobs/seed/lifecycle.ts), so tests and seed follow one path.
 */
import type { Connection } from 'jsforce';
import { statusPath } from '../../packages/jobs/seed/lifecycle';

/** The running user's Id, as the acceptance stamp names it. */
export async function userIdOf(conn: Connection): Promise<string> {
  const info = await conn.request<{ user_id: string }>('/services/oauth2/userinfo');
  return info.user_id;
}

/**
 * Walks a Draft plan to `status` (its sections and targets should be created first: an Accepted, Active or
 * Closed plan takes no new ones). Each acceptance is stamped now by the connection's user.
 */
export async function movePlanTo(conn: Connection, planId: string, status: string): Promise<void> {
  const userId = await userIdOf(conn);
  for (const step of statusPath(status)) {
    const fields: Record<string, unknown> = { Id: planId, Status__c: step };
    if (step === 'Accepted') {
      const plan = (await conn.sobject('Partner_Account_Plan__c').retrieve(planId)) as { Version__c: number | null };
      Object.assign(fields, {
        Accepted_By__c: userId,
        Accepted_On__c: new Date().toISOString(),
        Version__c: (plan.Version__c ?? 0) + 1,
      });
    }
    const result = await conn.sobject('Partner_Account_Plan__c').update(fields as { Id: string });
    if (!result.success) throw new Error(`plan ${planId} could not move to ${step}`);
  }
}

/** A validation rule's refusal, as the REST API answers it. */
export const ruleRefusal = (
  message: string,
  field?: string,
): { errorCode: string; message: string; fields: string[] } => ({
  errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  message,
  fields: field ? [field] : [],
});

/** Creates a Draft plan of the partner for 2027 ("Northwind FY27"), with `fields` on top; returns its Id. */
export async function createDraftPlan(
  conn: Connection,
  partnerId: string,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const result = await conn.sobject('Partner_Account_Plan__c').create({
    Name: 'Northwind FY27',
    Partner_Account__c: partnerId,
    Period_Start__c: '2027-01-01',
    Period_End__c: '2027-12-31',
    ...fields,
  });
  if (!result.success) throw new Error('the plan could not be created');
  return result.id;
}

/** A new plan of the partner walked to `status` through the allowed steps. */
export async function createPlanIn(conn: Connection, partnerId: string, status: string): Promise<string> {
  const id = await createDraftPlan(conn, partnerId);
  await movePlanTo(conn, id, status);
  return id;
}

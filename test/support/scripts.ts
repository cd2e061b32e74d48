/** Shared helpers for script tests: a script session on a test org, exactly as the CLI connects. */
import { Progress } from '../../packages/jobs/cli';
import { connect, type OrgSession } from '../../packages/jobs/connection';
import type { TestOrg } from './localorg';
import { API_VERSION } from './localorg';

/** A script session on the test org, through SF_INSTANCE_URL / SF_ACCESS_TOKEN as a user would. */
export function scriptSession(t: TestOrg, accessToken = t.org.accessToken): Promise<OrgSession> {
  return connect({ apiVersion: API_VERSION }, { SF_INSTANCE_URL: t.org.instanceUrl, SF_ACCESS_TOKEN: accessToken });
}

/** Progress that prints nothing, for tests. */
export const quietProgress = (): Progress => new Progress(false);

/** Counts records of an object through SOQL. */
export async function countOf(t: TestOrg, sobject: string, where = ''): Promise<number> {
  const result = await t.conn.query(`SELECT COUNT() FROM ${sobject}${where ? ` WHERE ${where}` : ''}`);
  return result.totalSize;
}

/**
 * Helpers for the authentication and data-folder security tests: the OAuth password grant as raw HTTP,
 * a movable clock for the org, and private temporary data folders.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TokenAnswer {
  status: number;
  body: { access_token?: string; error?: string; error_description?: string };
}

/** `POST /services/oauth2/token` with the password grant, exactly as a client sends it. */
export async function passwordGrant(instanceUrl: string, username: string, password: string): Promise<TokenAnswer> {
  const response = await fetch(`${instanceUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'security-tests', username, password }),
  });
  return { status: response.status, body: (await response.json()) as TokenAnswer['body'] };
}

/** The access token of a successful password grant; throws otherwise. */
export async function tokenFor(instanceUrl: string, username: string, password: string): Promise<string> {
  const answer = await passwordGrant(instanceUrl, username, password);
  if (!answer.body.access_token) throw new Error(`login of ${username} failed: ${JSON.stringify(answer.body)}`);
  return answer.body.access_token;
}

/** A clock for `startLocalOrg({ now })` that a test moves forward. */
export class TestClock {
  private ms: number;
  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.ms = Date.parse(start);
  }
  readonly now = (): Date => new Date(this.ms);
  advanceMinutes(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

/** A fresh data folder under the system's temp directory (the caller removes it). */
export const tempDataDir = (): string => mkdtempSync(join(tmpdir(), 'localorg-sec-'));

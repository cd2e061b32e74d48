/**
 * OAuth 2.0 endpoints: the username-password token flow, revoke, userinfo, and the identity service
 * (`/id/{orgId}/{userId}`) that `conn.identity()` reads. Their errors use OAuth's shape, not the REST array.
 */
import type { ApiRequest, OrgRuntime, Reply } from './context';

const oauthError = (error: string, description: string, status = 400): Reply => ({
  status,
  body: { error, error_description: description },
});

/** Form parameters from the body (application/x-www-form-urlencoded) or, failing that, the query string. */
function formParams(req: ApiRequest): URLSearchParams {
  const params = new URLSearchParams(req.bodyText);
  for (const [key, value] of req.query) if (!params.has(key)) params.set(key, value);
  return params;
}

/**
 * `POST /services/oauth2/token`. Every refused login answers the same `invalid_grant` /
 * `authentication failure`, a locked-out user included: Salesforce's token endpoint does not say which part
 * failed (its SOAP login has one message too: "Invalid username, password, security token; or user locked
 * out"), and a distinct answer would tell an attacker which usernames exist and that the lockout worked.
 */
export async function token(org: OrgRuntime, req: ApiRequest): Promise<Reply> {
  const params = formParams(req);
  const grant = params.get('grant_type');
  if (grant !== 'password') return oauthError('unsupported_grant_type', 'grant type not supported');
  const clientId = params.get('client_id');
  if (!clientId) return oauthError('invalid_client_id', 'client identifier invalid');
  const userId = await org.auth.login(params.get('username') ?? '', params.get('password') ?? '');
  if (!userId) return oauthError('invalid_grant', 'authentication failure');
  const now = org.now();
  const accessToken = org.auth.issueToken(userId, now);
  return {
    status: 200,
    body: org.auth.tokenResponse(org.instanceUrl, userId, accessToken, now, params.get('client_secret') ?? clientId),
  };
}

/** `POST /services/oauth2/revoke`. */
export function revoke(org: OrgRuntime, req: ApiRequest): Reply {
  const value = formParams(req).get('token');
  if (!value) return oauthError('unsupported_token_type', 'this token type is not supported');
  org.auth.revokeToken(value);
  return { status: 200 };
}

/** `GET /services/oauth2/userinfo` for the caller. */
export function userinfo(org: OrgRuntime, req: ApiRequest): Reply {
  const info = org.auth.userinfo(org.instanceUrl, req.ctx.userId, req.ctx);
  return info ? { status: 200, body: info } : { status: 403, body: 'Bad_OAuth_Token' };
}

/** `GET /id/{orgId}/{userId}`. */
export function identity(org: OrgRuntime, req: ApiRequest): Reply {
  const [orgId, userId] = req.params;
  const info = orgId === org.auth.orgId ? org.auth.identity(org.instanceUrl, userId, req.ctx) : undefined;
  return info ? { status: 200, body: info } : { status: 404, body: 'Bad_Id' };
}

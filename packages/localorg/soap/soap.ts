/**
 * The SOAP endpoints of the local org (`/services/Soap/...`). The partner and enterprise APIs' `login()`
 * (what jsforce's `conn.login(username, password)` sends) and `logout()` are served, through the org's own
 * password check, lockout and sessions (auth.ts): the session Id login returns is an access token of the
 * REST API. `describeTabs()` answers the session user's apps and tabs (describe-tabs.ts), `undelete()` restores records
 * from the recycle bin (undelete.ts), `merge()` merges accounts, contacts or leads (merge.ts), `convertLead()`
 * converts leads (lead-convert.ts). Every other SOAP call (other partner calls, the Metadata, Tooling and Apex SOAP APIs, Apex web
 * services) answers a SOAP fault that says it is not supported by the local org and what to use instead.
 * Faults are HTTP 500 with Salesforce's fault shape (faultcode `sf:CODE`, faultstring `CODE: message`,
 * and an ApiFault detail with exceptionCode and exceptionMessage).
 */
import { API_VERSION_MAJOR } from '@partner-planning/model';
import { mediaType } from '../http';
import type { OrgRuntime, Reply } from '../rest/context';
import { describeTabsResults } from './describe-tabs';
import type { RequestContext } from '../context';
import { convertLeadResults, leadConverts } from './lead-convert';
import { mergeRequests, mergeResults } from './merge';
import { undeleteIds, undeleteResults } from './undelete';
import { child, escapeXml, parseXml, textOf, XmlError, xmlElements, XML_DECLARATION, XSI_NAMESPACE } from '../xml';

/** Versions 21.0–30.0 were retired in Summer '25 (and older ones before): the first version served is 31.0. */
const FIRST_SOAP_VERSION = 31;
const ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
const INVALID_LOGIN_MESSAGE = 'Invalid username, password, security token; or user locked out.';

/** What the server passes on: the path after `/services/Soap/`, and the request. */
export interface SoapRequest {
  method: string;
  /** e.g. ['u', '62.0'] or ['u', '62.0', '00D…'] (a serverUrl names the org). */
  segments: string[];
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
}

/** The SOAP APIs by the letter of their endpoint. */
const APIS: Record<string, { name: string; namespace: string; hint: string }> = {
  u: { name: 'partner SOAP API', namespace: 'partner', hint: '' },
  c: { name: 'enterprise SOAP API', namespace: 'enterprise', hint: '' },
  m: {
    name: 'Metadata API',
    namespace: 'meta',
    hint: 'the Metadata API is served at /services/Soap/m/XX.X: deploy() and retrieve() (`sf project deploy start`, `sf project retrieve start`).',
  },
  t: {
    name: 'Tooling SOAP API',
    namespace: 'tooling',
    hint: 'the local org has no Tooling API: use a scratch org for tooling calls.',
  },
  s: {
    name: 'Apex SOAP API',
    namespace: 'apex',
    hint: 'the local org does not run Apex: run Apex in a scratch org (`sf apex run --target-org <alias>`).',
  },
  class: {
    name: 'Apex web services',
    namespace: 'apex',
    hint: 'the local org does not run Apex web services: use a scratch org.',
  },
};

/** Where a partner or enterprise call has a REST equivalent in the local org. */
function restHint(operation: string): string {
  const rest = `/services/data/v${API_VERSION_MAJOR}.0`;
  const session = 'the sessionId from login() is a Bearer token of the REST API';
  if (/^query/.test(operation)) return `use the REST API: GET ${rest}/query?q=… (jsforce conn.query); ${session}.`;
  if (/^(create|update|upsert|delete|undelete|retrieve|merge)$/.test(operation)) {
    return `use the REST API's sObject resources or ${rest}/composite/sobjects (jsforce conn.sobject(…)); ${session}.`;
  }
  if (/^describe/.test(operation))
    return `use the REST API's describe: GET ${rest}/sobjects/{type}/describe; ${session}.`;
  return `use the REST API at ${rest}; ${session}.`;
}

interface Fault {
  /** sf:CODE or soapenv:Client. */
  faultcode: string;
  faultstring: string;
  detail?: { type: string; exceptionCode: string; exceptionMessage: string };
}

function faultReply(api: string, fault: Fault, status = 500): Reply {
  const namespace = `urn:fault.${APIS[api]?.namespace ?? 'partner'}.soap.sforce.com`;
  const detail = fault.detail
    ? `<detail><sf:${fault.detail.type} xsi:type="sf:${fault.detail.type}"><sf:exceptionCode>${escapeXml(fault.detail.exceptionCode)}</sf:exceptionCode><sf:exceptionMessage>${escapeXml(fault.detail.exceptionMessage)}</sf:exceptionMessage></sf:${fault.detail.type}></detail>`
    : '';
  const body =
    `${XML_DECLARATION}<soapenv:Envelope xmlns:soapenv="${ENVELOPE_NAMESPACE}" xmlns:sf="${namespace}" xmlns:xsi="${XSI_NAMESPACE}">` +
    `<soapenv:Body><soapenv:Fault><faultcode>${escapeXml(fault.faultcode)}</faultcode><faultstring>${escapeXml(fault.faultstring)}</faultstring>${detail}</soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
  return xmlReply(body, status);
}

/** A fault with an ApiFault detail (`sf:CODE`, "CODE: message"). */
function apiFault(api: string, exceptionCode: string, message: string, type = 'UnexpectedErrorFault'): Reply {
  return faultReply(api, {
    faultcode: `sf:${exceptionCode}`,
    faultstring: `${exceptionCode}: ${message}`,
    detail: { type, exceptionCode, exceptionMessage: message },
  });
}

/** A request the SOAP layer cannot read at all (soapenv:Client, no detail). */
const clientFault = (api: string, message: string, status = 500): Reply =>
  faultReply(api, { faultcode: 'soapenv:Client', faultstring: message }, status);

const xmlReply = (body: string, status = 200): Reply => ({
  status,
  body,
  headers: { 'Content-Type': 'text/xml;charset=UTF-8' },
});

function envelope(namespace: string, content: string): Reply {
  return xmlReply(
    `${XML_DECLARATION}<soapenv:Envelope xmlns:soapenv="${ENVELOPE_NAMESPACE}" xmlns="urn:${namespace}.soap.sforce.com" xmlns:xsi="${XSI_NAMESPACE}"><soapenv:Body>${content}</soapenv:Body></soapenv:Envelope>`,
  );
}

/** The SOAP endpoints. Answers a promise: login checks the password off the event loop. */
export async function soapEndpoint(org: OrgRuntime, req: SoapRequest): Promise<Reply> {
  const api = (req.segments[0] ?? '').toLowerCase();
  if (!APIS[api]) return clientFault('u', `No service available at /services/Soap/${req.segments.join('/')}`, 404);
  if (req.method !== 'POST') return clientFault(api, `SOAP requests are sent with POST, not ${req.method}.`, 405);
  // SOAP 1.1 is text/xml: a cross-site form (text/plain, form encodings) cannot send it without a preflight.
  const { type } = mediaType(typeof req.headers['content-type'] === 'string' ? req.headers['content-type'] : '');
  if (type !== 'text/xml') {
    return clientFault(api, `Content-Type '${type}' is not supported: SOAP 1.1 requests are text/xml.`, 415);
  }
  const version = /^(\d+)\.0$/.exec(req.segments[1] ?? '');
  const major = version ? Number(version[1]) : 0;
  if (api !== 'class' && (major < FIRST_SOAP_VERSION || major > API_VERSION_MAJOR)) {
    return apiFault(
      api,
      'UNSUPPORTED_API_VERSION',
      `The local org serves SOAP API versions ${FIRST_SOAP_VERSION}.0 to ${API_VERSION_MAJOR}.0, not '${req.segments[1] ?? ''}'.`,
    );
  }
  let parsed;
  try {
    parsed = parseXml(req.bodyText);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    return clientFault(api, `Bad envelope: ${error.message}`);
  }
  const body = child(child(parsed, 'Envelope'), 'Body');
  const operation = body && typeof body === 'object' ? Object.keys(body).find((k) => !k.startsWith('@')) : undefined;
  if (!operation) return clientFault(api, 'Bad envelope: no operation in the soapenv:Body.');
  const call = child(body, operation);
  if (api === 'u' || api === 'c') {
    if (operation === 'login') return login(org, api, major, call);
    if (operation === 'logout') return logout(org, api, parsed);
    if (operation === 'describeTabs') return describeTabs(org, api, major, parsed);
    if (operation === 'undelete')
      return recordCall(org, api, major, parsed, 'undelete', (ctx) => undeleteResults(org, ctx, undeleteIds(call)));
    if (operation === 'merge')
      return recordCall(org, api, major, parsed, 'merge', (ctx) => mergeResults(org, ctx, mergeRequests(call)));
    if (operation === 'convertLead') {
      return recordCall(org, api, major, parsed, 'convertLead', (ctx) =>
        convertLeadResults(org, ctx, leadConverts(call)),
      );
    }
  }
  const where = APIS[api];
  const hint = where.hint || restHint(operation);
  return apiFault(
    api,
    'FUNCTIONALITY_NOT_ENABLED',
    `${operation}() of the ${where.name} is not supported by the local org: ${hint}`,
  );
}

async function login(org: OrgRuntime, api: string, major: number, call: unknown): Promise<Reply> {
  const username = textOf(child(call, 'username')) ?? '';
  const password = textOf(child(call, 'password')) ?? '';
  // The org's password check: scrypt off the event loop, lockout after 10 failures, the same answer for all.
  const userId = username && password ? await org.auth.login(username, password) : undefined;
  if (!userId) return apiFault(api, 'INVALID_LOGIN', INVALID_LOGIN_MESSAGE, 'LoginFault');
  const users = org.schema.objects.get('User');
  const user = users ? org.storage.getRow(users, userId) : undefined;
  const organization = org.schema.objects.get('Organization');
  const orgRow = organization ? org.storage.getRow(organization, org.auth.orgId) : undefined;
  if (!user) return apiFault(api, 'INVALID_LOGIN', INVALID_LOGIN_MESSAGE, 'LoginFault');
  const sessionId = org.auth.issueToken(userId);
  const orgId = org.auth.orgId;
  const version = `${major}.0`;
  const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
  // The elements of LoginResult and GetUserInfoResult, in the WSDL's order.
  const result = xmlElements([
    ['metadataServerUrl', `${org.instanceUrl}/services/Soap/m/${version}/${orgId.slice(0, 15)}`],
    ['passwordExpired', false],
    // A Developer Edition org (Organization.IsSandbox is false).
    ['sandbox', false],
    ['serverUrl', `${org.instanceUrl}/services/Soap/${api}/${version}/${orgId.slice(0, 15)}`],
    ['sessionId', sessionId],
    ['userId', userId],
    [
      'userInfo',
      [
        ['accessibilityMode', false],
        ['chatterExternal', false],
        ['currencySymbol', '$'],
        ['orgAttachmentFileSizeLimit', 5242880],
        ['orgDefaultCurrencyIsoCode', 'USD'],
        ['orgDefaultCurrencyLocale', 'en_US'],
        ['orgDisallowHtmlAttachments', false],
        ['orgHasPersonAccounts', false],
        ['organizationId', orgId],
        ['organizationMultiCurrency', false],
        ['organizationName', text(orgRow?.Name) ?? 'Local Org'],
        ['profileId', text(user.ProfileId)],
        ['roleId', text(user.UserRoleId)],
        ['sessionSecondsValid', Math.round(org.auth.sessionTimeoutMs / 1000)],
        ['userDefaultCurrencyIsoCode', null],
        ['userEmail', text(user.Email) ?? ''],
        ['userFullName', text(user.Name) ?? ''],
        ['userId', userId],
        ['userLanguage', text(user.LanguageLocaleKey) ?? 'en_US'],
        ['userLocale', text(user.LocaleSidKey) ?? 'en_US'],
        ['userName', text(user.Username) ?? username],
        ['userTimeZone', text(user.TimeZoneSidKey) ?? 'GMT'],
        ['userType', text(user.UserType) ?? 'Standard'],
        ['userUiSkin', 'Theme3'],
      ],
    ],
  ]);
  return envelope(APIS[api].namespace, `<loginResponse><result>${result}</result></loginResponse>`);
}

/** `describeTabs()`: the apps and tabs the SessionHeader's user may see (describe-tabs.ts). */
function describeTabs(org: OrgRuntime, api: string, major: number, parsed: unknown): Reply {
  const header = child(child(parsed, 'Envelope'), 'Header');
  const userId = org.auth.userForToken(textOf(child(child(header, 'SessionHeader'), 'sessionId')) ?? '');
  if (!userId) return apiFault(api, 'INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session');
  const results = describeTabsResults(org, userId, `${major}.0`);
  return envelope(APIS[api].namespace, `<describeTabsResponse>${results}</describeTabsResponse>`);
}

/**
 * A partner call on records (undelete, merge, convertLead) as the SessionHeader's user: `results` answers the
 * response's `<result>` elements, or the fault that refuses the whole call.
 */
function recordCall(
  org: OrgRuntime,
  api: string,
  major: number,
  parsed: unknown,
  operation: string,
  results: (ctx: RequestContext) => string | { code: string; message: string },
): Reply {
  const header = child(child(parsed, 'Envelope'), 'Header');
  const userId = org.auth.userForToken(textOf(child(child(header, 'SessionHeader'), 'sessionId')) ?? '');
  if (!userId) return apiFault(api, 'INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session');
  const answer = results({ userId, apiVersion: `${major}.0`, now: org.now() });
  if (typeof answer !== 'string') return apiFault(api, answer.code, answer.message);
  return envelope(APIS[api].namespace, `<${operation}Response>${answer}</${operation}Response>`);
}

/** `logout()`: ends the session named in the SessionHeader (as jsforce's `conn.logout()` sends it). */
function logout(org: OrgRuntime, api: string, parsed: unknown): Reply {
  const header = child(child(parsed, 'Envelope'), 'Header');
  const sessionId = textOf(child(child(header, 'SessionHeader'), 'sessionId')) ?? '';
  if (!sessionId || !org.auth.userForToken(sessionId)) {
    return apiFault(api, 'INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session');
  }
  org.auth.revokeToken(sessionId);
  return envelope(APIS[api].namespace, '<logoutResponse/>');
}

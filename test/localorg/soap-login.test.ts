/**
 * The SOAP endpoints: jsforce's default `conn.login(username, password)` (the partner API's login()) and
 * `conn.logout()`, through the org's own password check, lockout and sessions; the documented
 * loginResponse and INVALID_LOGIN fault over plain HTTP; and a SOAP fault saying "not supported by the local
 * org" (with what to use instead) for every other SOAP call, including the Metadata API's CRUD calls (its
 * deploy, retrieve and list calls are served: metadata-*.test.ts).
 */
import { XMLParser } from 'fast-xml-parser';
import { Connection } from 'jsforce';
import { httpRequest, type HttpAnswer } from '../support/http';
import { API_VERSION, apiError, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createUser } from '../support/security';

let t: TestOrg;

beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(() => t.close());

const INVALID_LOGIN = 'INVALID_LOGIN: Invalid username, password, security token; or user locked out.';
const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: false });

const soapConnection = (): Connection => new Connection({ loginUrl: t.org.instanceUrl, version: API_VERSION });

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function envelope(body: string, header = ''): string {
  return `<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Header>${header}</se:Header><se:Body>${body}</se:Body></se:Envelope>`;
}

function soap(path: string, body: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return httpRequest(t.org.instanceUrl, path, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml', SOAPAction: '""', ...headers },
    body,
  });
}

const loginBody = (username: string, password: string): string =>
  envelope(
    `<login xmlns="urn:partner.soap.sforce.com"><username>${escape(username)}</username><password>${escape(password)}</password></login>`,
  );

/** The element at a path under the answer's soapenv:Body (text, or an object of child elements). */
function at(answer: HttpAnswer, ...path: string[]): unknown {
  let node: unknown = parser.parse(answer.text);
  for (const name of ['Envelope', 'Body', ...path]) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[name] : undefined;
  }
  return node;
}

describe('login() through jsforce', () => {
  it('logs in with the default conn.login, and the session works with the REST API until logout', async () => {
    const conn = soapConnection();
    const userInfo = await conn.login(t.org.adminUsername, t.org.adminPassword);
    expect(userInfo.id).toBe(t.org.adminUserId);
    expect(userInfo.organizationId).toMatch(/^00D[a-zA-Z0-9]{15}$/);
    expect(conn.instanceUrl).toBe(t.org.instanceUrl);
    const users = await conn.query<{ Username: string }>(`SELECT Username FROM User WHERE Id = '${userInfo.id}'`);
    expect(users.records[0].Username).toBe(t.org.adminUsername);

    const token = conn.accessToken as string;
    await conn.logout();
    const after = await rawRequest(t.conn, 'GET', `/services/data/v${API_VERSION}/limits`, { token });
    expect(after.status).toBe(401);
    // The admin's own token is untouched by another session's logout.
    expect((await rawRequest(t.conn, 'GET', `/services/data/v${API_VERSION}/limits`)).status).toBe(200);
  });

  it('refuses a wrong password or an unknown user with the INVALID_LOGIN fault', async () => {
    const wrong = await apiError(soapConnection().login(t.org.adminUsername, 'not the password'));
    expect(wrong.message).toBe(INVALID_LOGIN);
    const unknown = await apiError(soapConnection().login('nobody@example.com', 'whatever'));
    expect(unknown.message).toBe(INVALID_LOGIN);
  });

  it("gives a user's session that user's permissions", async () => {
    const user = await createUser(t, { alias: 'soapstd' });
    const conn = soapConnection();
    const userInfo = await conn.login(user.username, 'localorg');
    expect(userInfo.id).toBe(user.id);
    // A Standard User reads no custom object: for this session it does not exist.
    const error = await apiError(conn.query('SELECT Id FROM Partner_Account_Plan__c').then((result) => result));
    expect(error.errorCode).toBe('INVALID_TYPE');
  });

  it('locks a user out after 10 failed logins, with the same answer', async () => {
    const user = await createUser(t, { alias: 'soaplock' });
    for (let i = 0; i < 10; i++) {
      expect((await apiError(soapConnection().login(user.username, `wrong ${i}`))).message).toBe(INVALID_LOGIN);
    }
    expect((await apiError(soapConnection().login(user.username, 'localorg'))).message).toBe(INVALID_LOGIN);
  });
});

describe('login() over HTTP', () => {
  it('answers the documented loginResponse', async () => {
    const answer = await soap(`/services/Soap/u/${API_VERSION}`, loginBody(t.org.adminUsername, t.org.adminPassword));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/xml/);
    const result = (path: string): unknown => at(answer, 'loginResponse', 'result', ...path.split('.'));
    const orgId = String(result('userInfo.organizationId'));
    expect(orgId).toMatch(/^00D[a-zA-Z0-9]{15}$/);
    expect(result('serverUrl')).toBe(`${t.org.instanceUrl}/services/Soap/u/${API_VERSION}/${orgId.slice(0, 15)}`);
    expect(result('metadataServerUrl')).toBe(
      `${t.org.instanceUrl}/services/Soap/m/${API_VERSION}/${orgId.slice(0, 15)}`,
    );
    expect(result('passwordExpired')).toBe('false');
    expect(result('sandbox')).toBe('false');
    expect(result('userId')).toBe(t.org.adminUserId);
    expect(result('userInfo')).toMatchObject({
      userId: t.org.adminUserId,
      userName: t.org.adminUsername,
      userFullName: 'Local Admin',
      organizationName: 'Local Org',
      organizationMultiCurrency: 'false',
      sessionSecondsValid: '7200',
      userType: 'Standard',
    });
    expect(result('userInfo.profileId')).toMatch(/^00e/);
    // The session Id is a REST API token of the admin.
    const limits = await rawRequest(t.conn, 'GET', `/services/data/v${API_VERSION}/limits`, {
      token: String(result('sessionId')),
    });
    expect(limits.status).toBe(200);
  });

  it('answers the enterprise endpoint with its own serverUrl and namespace', async () => {
    const answer = await soap(`/services/Soap/c/${API_VERSION}`, loginBody(t.org.adminUsername, t.org.adminPassword));
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('xmlns="urn:enterprise.soap.sforce.com"');
    expect(at(answer, 'loginResponse', 'result', 'serverUrl')).toContain(`/services/Soap/c/${API_VERSION}/`);
  });

  it('answers a failed login with HTTP 500 and the LoginFault', async () => {
    const answer = await soap(`/services/Soap/u/${API_VERSION}`, loginBody(t.org.adminUsername, 'wrong'));
    expect(answer.status).toBe(500);
    expect(at(answer, 'Fault', 'faultcode')).toBe('sf:INVALID_LOGIN');
    expect(at(answer, 'Fault', 'faultstring')).toBe(INVALID_LOGIN);
    expect(at(answer, 'Fault', 'detail', 'LoginFault')).toMatchObject({
      exceptionCode: 'INVALID_LOGIN',
      exceptionMessage: 'Invalid username, password, security token; or user locked out.',
    });
  });

  it('refuses what is not a SOAP request, without a 500 of the org', async () => {
    const path = `/services/Soap/u/${API_VERSION}`;
    const malformed = await soap(path, '<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Body>');
    expect(malformed.status).toBe(500);
    expect(at(malformed, 'Fault', 'faultcode')).toBe('soapenv:Client');
    const dtd = await soap(path, `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${loginBody('&a;', 'x')}`);
    expect(at(dtd, 'Fault', 'faultstring')).toContain('DOCTYPE');
    // A cross-site form can only send form encodings or text/plain: refused.
    const form = await soap(path, loginBody(t.org.adminUsername, t.org.adminPassword), {
      'Content-Type': 'text/plain',
    });
    expect(form.status).toBe(415);
    expect(form.text).not.toContain('sessionId');
    const get = await httpRequest(t.org.instanceUrl, path);
    expect(get.status).toBe(405);
    const retired = await soap('/services/Soap/u/25.0', loginBody(t.org.adminUsername, t.org.adminPassword));
    expect(at(retired, 'Fault', 'faultcode')).toBe('sf:UNSUPPORTED_API_VERSION');
  });
});

describe('other SOAP calls', () => {
  const session = (): string =>
    `<SessionHeader xmlns="urn:partner.soap.sforce.com"><sessionId>${t.org.accessToken}</sessionId></SessionHeader>`;

  it.each([
    [
      'partner query',
      `/services/Soap/u/${API_VERSION}`,
      '<query xmlns="urn:partner.soap.sforce.com"><queryString>SELECT Id FROM Account</queryString></query>',
      '/query?q=',
    ],
    [
      'Metadata API CRUD call',
      `/services/Soap/m/${API_VERSION}`,
      '<readMetadata xmlns="http://soap.sforce.com/2006/04/metadata"><type>CustomObject</type></readMetadata>',
      'sf project deploy start',
    ],
    ['Tooling API', `/services/Soap/T/${API_VERSION}`, '<query xmlns="urn:tooling.soap.sforce.com"/>', 'scratch org'],
    [
      'Apex API',
      `/services/Soap/s/${API_VERSION}`,
      '<executeAnonymous xmlns="http://soap.sforce.com/2006/08/apex"/>',
      'sf apex run',
    ],
    [
      'Apex web service',
      '/services/Soap/class/MyService',
      '<doIt xmlns="http://soap.sforce.com/schemas/class/MyService"/>',
      'Apex',
    ],
  ])('%s answers a fault saying it is not supported, and what to use', async (_name, path, call, hint) => {
    const answer = await soap(path, envelope(call, session()));
    expect(answer.status).toBe(500);
    expect(at(answer, 'Fault', 'faultcode')).toBe('sf:FUNCTIONALITY_NOT_ENABLED');
    const faultstring = String(at(answer, 'Fault', 'faultstring'));
    expect(faultstring).toContain('not supported by the local org');
    expect(faultstring).toContain(hint);
    expect(at(answer, 'Fault', 'detail', 'UnexpectedErrorFault', 'exceptionCode')).toBe('FUNCTIONALITY_NOT_ENABLED');
  });

  it("fails jsforce's Metadata API CRUD calls at once with that message", async () => {
    const error = await apiError(t.conn.metadata.read('CustomObject', ['Account']));
    expect(error.message).toContain('not supported by the local org');
  });

  it('refuses logout without a valid session', async () => {
    const answer = await soap(
      `/services/Soap/u/${API_VERSION}`,
      envelope('<logout xmlns="urn:partner.soap.sforce.com"/>'),
    );
    expect(answer.status).toBe(500);
    expect(at(answer, 'Fault', 'faultcode')).toBe('sf:INVALID_SESSION_ID');
  });
});

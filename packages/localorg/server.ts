/**
 * The local org's HTTP server: Salesforce's REST API over SQLite, on 127.0.0.1 only. Routes requests,
 * authenticates them, counts them against the daily API allowance, and runs each write request in one
 * SQLite transaction so a failure never leaves a partial write.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getString } from '@salesforce/ts-types';
import { API_VERSION_MAJOR, loadForceApp, REPO_ROOT } from '@partner-planning/model';
import { Auth, type AdminAccount, type SavedAdmin } from './auth';
import {
  clearDataFolder,
  lockDataFolder,
  secureDataFolder,
  writePrivateFile,
  type DataFolderLock,
} from './data-folder';
import type { RequestContext } from './context';
import { Dml } from './dml';
import { formulasOf, registerFormulaFunction } from './formula';
import type { CustomFiscalYearSpec } from './fiscal';
import { ensurePlatformRecords } from './platform';
import { SalesforceError } from './errors';
import * as http from './http';
import { faultOptionsFromEnv, Faults, serverUnavailable, type FaultOptions } from './faults';
import { compileSchema } from './schema';
import { currencySettings, withMultiCurrency, type MultiCurrencyOptions } from './currency/model';
import { ensureCurrencyRecords } from './currency/records';
import { Storage } from './storage';
import { today } from './values';
import { BulkApi } from './rest/bulk';
import { Bulk1Api } from './bulk1/api';
import { soapEndpoint } from './soap/soap';
import { MetadataApi } from './metadata-api/soap';
import * as collections from './rest/collections';
import * as composite from './rest/composite';
import { notFoundError, ok, type ApiRequest, type OrgRuntime, type Reply } from './rest/context';
import * as oauth from './rest/oauth';
import { QueryLocators } from './rest/query';
import * as sobjects from './rest/sobjects';
import * as sosl from './sosl/rest';
import { DEFAULT_DATA_STORAGE_MB, setDataStorageLimit } from './data-storage';
import { orgLimits } from './rest/limits';
import { processRoutes } from './rest/process';
import * as recent from './rest/recent';
import * as replication from './rest/replication';
import * as unsupported from './rest/unsupported';
import { OLDEST_SERVED_VERSION, servedVersion, servedVersions } from './rest/versions';
import * as tree from './rest/tree';
import { graphqlResource } from './graphql/endpoint';
import { analyticsRoutes } from './analytics/routes';
import * as tabs from './rest/tabs';
import { uiApiRoutes } from './ui-api/routes';
import { loadSampleDataOnce, projectWantsSampleData } from './sample-data';
import { projectEnablesAuditFields } from './scratch-definition';
import { layoutRoutes } from './layouts/routes';
import { listViewRoutes } from './list-views/routes';

/** The oldest version the org serves: 21.0-30.0 were retired in Summer '25 (they answer 410). */
export const MIN_API_VERSION = OLDEST_SERVED_VERSION;
/** The newest version the org serves: the project's own (sfdx-project.json). */
export const MAX_API_VERSION = API_VERSION_MAJOR;
/** Developer Edition's daily API request allowance. */
export const DEFAULT_API_DAILY_LIMIT = 15000;

export interface LocalOrgOptions {
  /** TCP port; 0 picks a free one. */
  port?: number;
  /** Data folder holding org.sqlite and auth.json, or ':memory:' (nothing written). Default `.localorg`. */
  data?: string;
  /** Project root whose force-app defines the schema. Default: this repository. */
  forceAppRoot?: string;
  /** The org's clock (audit fields, date literals). Default: the system clock. */
  now?: () => Date;
  apiDailyLimit?: number;
  /** First month (1-12) of the fiscal year. Default January. */
  fiscalYearStartMonth?: number;
  /**
   * Organization.UsesStartDateAsFiscalYearName: true names a fiscal year after the calendar year it starts in.
   * Default false (named after the year it ends in), as in a new org.
   */
  fiscalYearNameStart?: boolean;
  /** Custom fiscal years, each as its twelve periods (FiscalYearSettings and Period rows). Default none. */
  customFiscalYears?: CustomFiscalYearSpec[];
  /** Injected faults for reliability tests. Default: from LOCALORG_FAULT_* environment variables, else none. */
  faults?: FaultOptions;
  /** Deletes the data folder's contents first (once its lock is taken: a folder in use is refused). */
  reset?: boolean;
  /** How long a user stays locked out after 10 failed logins in a row. Default 15 (Salesforce's default). */
  lockoutMinutes?: number;
  /** Access tokens expire after this long without use, as an org's Session Settings. Default 120. */
  sessionTimeoutMinutes?: number;
  /** Data storage maximum in MB, enforced at create (STORAGE_LIMIT_EXCEEDED). Default 200, a scratch org's. */
  dataStorageMB?: number;
  /** Multiple currencies (CurrencyIsoCode on records, CurrencyType, conversions). Default: one currency. */
  multiCurrency?: boolean | MultiCurrencyOptions;
  /**
   * Loads a scratch org's sample data (accounts, contacts, opportunities, leads) into a new org. Default: the
   * project's config/project-scratch-def.json `hasSampleData`.
   */
  sampleData?: boolean;
  /**
   * The org setting that lets a user with Set Audit Fields upon Record Creation (CreateAuditFields) give
   * CreatedDate, CreatedById, LastModifiedDate and LastModifiedById on insert. Default: the project's
   * config/project-scratch-def.json `settings.securitySettings.enableAuditFieldsInactiveOwner`.
   */
  auditFields?: boolean;
  /** Partner Community licences for partner users (UserLicense.TotalLicenses). Default 50; kept by the data folder. */
  partnerLicenses?: number;
}

export interface LocalOrg {
  instanceUrl: string;
  /** The admin user's access token. */
  accessToken: string;
  adminUserId: string;
  adminUsername: string;
  adminPassword: string;
  storage: Storage;
  close(): Promise<void>;
}

type Handler = (org: OrgRuntime, req: ApiRequest) => Reply;
interface Route {
  path: string[];
  methods: Partial<Record<string, Handler>>;
}

const route = (path: string, methods: Route['methods']): Route => ({
  path: path === '' ? [] : path.split('/'),
  methods,
});

function versions(): Reply {
  return ok(servedVersions(MAX_API_VERSION));
}

function resources(org: OrgRuntime, req: ApiRequest): Reply {
  const v = `/services/data/v${req.ctx.apiVersion}`;
  return ok({
    identity: org.auth.identityUrl(org.instanceUrl, req.ctx.userId),
    compactLayouts: `${v}/compactLayouts`,
    limits: `${v}/limits`,
    graphql: `${v}/graphql`,
    parameterizedSearch: `${v}/parameterizedSearch`,
    query: `${v}/query`,
    queryAll: `${v}/queryAll`,
    quickActions: `${v}/quickActions`,
    analytics: `${v}/analytics`,
    process: `${v}/process`,
    recent: `${v}/recent`,
    search: `${v}/search`,
    sobjects: `${v}/sobjects`,
    tabs: `${v}/tabs`,
    theme: `${v}/theme`,
    'ui-api': `${v}/ui-api`,
  });
}

function dataRoutes(locators: QueryLocators): Route[] {
  return [
    route('', { GET: resources }),
    route('limits', { GET: (org) => orgLimits(org) }),
    route('sobjects/:type/updated', { GET: replication.updated }),
    route('sobjects/:type/deleted', { GET: replication.deleted }),
    route('sobjects', { GET: sobjects.globalDescribe }),
    route('sobjects/:type', {
      GET: (org, req) => recent.withRecentItems(org, req, sobjects.sobjectRoot(org, req)),
      POST: sobjects.sobjectRoot,
    }),
    route('recent', { GET: recent.recent }),
    route('sobjects/:type/describe', { GET: sobjects.sobjectDescribe }),
    route('sobjects/:type/:id', {
      GET: sobjects.sobjectRecord,
      PATCH: sobjects.sobjectRecord,
      DELETE: sobjects.sobjectRecord,
      POST: sobjects.sobjectRecord,
    }),
    route('sobjects/user/:id/password', {
      GET: sobjects.userPassword,
      POST: sobjects.userPassword,
      DELETE: sobjects.userPassword,
    }),
    route('sobjects/:type/:field/:value', {
      GET: sobjects.sobjectByExternalId,
      PATCH: sobjects.sobjectByExternalId,
      DELETE: sobjects.sobjectByExternalId,
    }),
    route('composite/sobjects', {
      POST: collections.collectionCreate,
      PATCH: collections.collectionUpdate,
      DELETE: collections.collectionDelete,
    }),
    route('composite/sobjects/:type', { GET: collections.collectionRetrieve, POST: collections.collectionRetrieve }),
    route('composite/sobjects/:type/:field', { PATCH: collections.collectionUpsert }),
    route('query', { GET: (org, req) => locators.start(org, req, 'query') }),
    route('query/:locator', { GET: (org, req) => locators.next(org, req) }),
    route('queryAll', { GET: (org, req) => locators.start(org, req, 'queryAll') }),
    route('queryAll/:locator', { GET: (org, req) => locators.next(org, req) }),
  ];
}

/** The route a path names, with its captured segments; literals match case-insensitively, as the API does. */
function match(routes: Route[], segments: string[]): { route: Route; params: string[] } | undefined {
  // Routes with more literal segments win (sobjects/User/{id}/password over sobjects/{type}/{field}/{value}).
  const literalCount = (r: Route): number => r.path.filter((s) => !s.startsWith(':')).length;
  const candidates = routes
    .filter((r) => r.path.length === segments.length)
    .filter((r) => r.path.every((s, i) => s.startsWith(':') || s.toLowerCase() === segments[i].toLowerCase()))
    .sort((a, b) => literalCount(b) - literalCount(a));
  const found = candidates[0];
  if (!found) return undefined;
  return { route: found, params: segments.filter((_, i) => found.path[i].startsWith(':')) };
}

function methodNotAllowed(method: string, route: Route): SalesforceError {
  const allowed = Object.keys(route.methods);
  if (allowed.includes('GET')) allowed.unshift('HEAD');
  return new SalesforceError(
    405,
    'METHOD_NOT_ALLOWED',
    `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`,
  );
}

/** A path's segments, percent-decoded; a malformed escape names no resource. */
function pathSegments(pathname: string): string[] {
  try {
    return pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    throw notFoundError();
  }
}

const invalidSession = (): SalesforceError =>
  new SalesforceError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');

/** Starts the local org and resolves once it listens. */
export async function startLocalOrg(options: LocalOrgOptions = {}): Promise<LocalOrg> {
  const now = options.now ?? (() => new Date());
  // Checked before anything is opened: bad fault settings stop the start.
  const faultOptions = options.faults ?? faultOptionsFromEnv(process.env);
  const faults = faultOptions ? new Faults(faultOptions) : undefined;
  const memory = options.data === ':memory:';
  const dataDir = memory ? undefined : resolve(options.data ?? '.localorg');
  const currencies = currencySettings(options.multiCurrency);
  const projectRoot = options.forceAppRoot ?? REPO_ROOT;
  // The org's model of a project; a Metadata API deploy reads the project again through it.
  const loadModel = (root: string): ReturnType<typeof loadForceApp> => {
    const forceApp = loadForceApp({ root });
    return currencies ? withMultiCurrency(forceApp, currencies) : forceApp;
  };
  const model = loadModel(projectRoot);
  const schema = compileSchema(model);
  // Every formula, validation rule and lookup filter compiles now: one the org cannot evaluate stops startup.
  formulasOf(schema);
  // One process per data folder: the lock comes before anything in the folder is opened, migrated or deleted.
  const lock = dataDir ? lockDataFolder(dataDir) : undefined;
  const { storage, platform, dml, auth, admin } = await openData(options, dataDir, lock, schema, now);
  if (currencies) ensureCurrencyRecords(storage, currencies, now());
  dml.security.auditFieldsEnabled = options.auditFields ?? projectEnablesAuditFields(projectRoot);
  if (options.sampleData ?? projectWantsSampleData(projectRoot)) {
    loadSampleDataOnce(schema, storage, dml, { userId: admin.userId, apiVersion: `${MAX_API_VERSION}.0`, now: now() });
  }
  const apiDailyLimit = options.apiDailyLimit ?? DEFAULT_API_DAILY_LIMIT;

  const usageKey = (): string => `apiUsage:${today(now())}`;
  const apiUsage = (): { used: number; limit: number } => ({
    used: Number(storage.getMeta(usageKey()) ?? 0),
    limit: apiDailyLimit,
  });
  const countApiRequest = (): void => storage.setMeta(usageKey(), String(apiUsage().used + 1));

  const org: OrgRuntime = {
    storage,
    schema,
    dml,
    auth,
    instanceUrl: '',
    now,
    apiDailyLimit,
    apiUsage,
    faults,
    fiscalYearStartMonth: platform.fiscalYearStartMonth,
    schemaLoadedAt: now(),
  };
  const metadataApi = new MetadataApi(org, { root: projectRoot, loadModel });
  const bulk = new BulkApi(org);
  // Bulk API 1.0 runs its batches as Bulk API 2.0 jobs; its requests count like the REST API's.
  const bulk1 = new Bulk1Api(org, bulk.ingest, bulk.query, () => {
    if (apiUsage().used >= apiDailyLimit) {
      throw new SalesforceError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    }
    countApiRequest();
  });
  bulk.runsBulk1Batch = (jobId) => bulk1.runsBatch(jobId);
  const served = [...bulk.routes(), ...analyticsRoutes(), ...metadataApi.restRoutes()];
  const routes = [...dataRoutes(new QueryLocators()), ...served.map((r) => route(r.path, r.methods))];
  routes.push(
    route('composite', {
      GET: composite.compositeResources,
      POST: (_org, req) => composite.composite(org, req, subrequest),
    }),
    route('composite/tree/:type', { POST: tree.tree }),
    route('search', { GET: sosl.search }),
    route('parameterizedSearch', { GET: sosl.parameterizedSearch, POST: sosl.parameterizedSearch }),
    route('graphql', { GET: graphqlResource, POST: graphqlResource }),
    ...uiApiRoutes().map((r) => route(r.path, r.methods)),
    ...layoutRoutes().map((r) => route(r.path, r.methods)),
    // Literal `listviews` segments win over `sobjects/{Type}/{field}/{value}` (match() prefers literals).
    ...listViewRoutes().map((r) => route(r.path, r.methods)),
    ...processRoutes().map((r) => route(r.path, r.methods)),
    route('tabs', { GET: tabs.tabs }),
    route('theme', { GET: tabs.theme }),
  );

  function authenticate(req: IncomingMessage, query: URLSearchParams): string {
    const header = req.headers.authorization ?? '';
    const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header);
    const token = match?.[1] ?? query.get('oauth_token') ?? undefined;
    const userId = token ? auth.userForToken(token) : undefined;
    if (!userId) throw invalidSession();
    return userId;
  }

  function context(userId: string, apiVersion: string): RequestContext {
    return { userId, apiVersion, now: now() };
  }

  /** Routes one request (`bodyText` null: a Bulk upload, read as it arrives); a handler may answer with a promise. */
  function dispatch(req: IncomingMessage, url: URL, bodyText: string | null): Reply | Promise<Reply> {
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const segments = pathSegments(url.pathname);
    const base = { method, query: url.searchParams, headers: req.headers, bodyText: bodyText ?? '' };
    const path = segments.join('/');
    if (path === 'services/oauth2/token' || path === 'services/oauth2/revoke') {
      if (method !== 'POST')
        throw new SalesforceError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are POST`);
      const request = { ...base, params: [], ctx: context('', '') };
      return path.endsWith('token') ? oauth.token(org, request) : oauth.revoke(org, request);
    }
    if (path === 'services/oauth2/userinfo') {
      let userId: string;
      try {
        userId = authenticate(req, url.searchParams);
      } catch {
        return { status: 403, body: 'Bad_OAuth_Token' };
      }
      return oauth.userinfo(org, { ...base, params: [], ctx: context(userId, '') });
    }
    if (segments[0] === 'id' && segments.length === 3) {
      let userId: string;
      try {
        userId = authenticate(req, url.searchParams);
      } catch {
        return { status: 403, body: 'Bad_OAuth_Token' };
      }
      return oauth.identity(org, { ...base, params: segments.slice(1), ctx: context(userId, '') });
    }
    // An injected outage answers before anything else (authentication endpoints excepted).
    if (faults && segments[0] === 'services' && segments[1] === 'data' && faults.unavailable()) {
      throw serverUnavailable();
    }
    if (path === 'services/data') {
      if (method !== 'GET')
        throw new SalesforceError(
          405,
          'METHOD_NOT_ALLOWED',
          `HTTP Method '${method}' not allowed. Allowed are HEAD,GET`,
        );
      return versions();
    }
    // The SOAP endpoints and Bulk API 1.0 speak XML and answer their own errors.
    if (segments[0] === 'services' && segments[1]?.toLowerCase() === 'soap' && segments[2]?.toLowerCase() === 'm') {
      return metadataApi.soap({ ...base, segments: segments.slice(2) });
    }
    if (segments[0] === 'services' && segments[1]?.toLowerCase() === 'soap') {
      return soapEndpoint(org, { ...base, segments: segments.slice(2) });
    }
    if (segments[0] === 'services' && segments[1] === 'async')
      return bulk1.handle({ ...base, segments: segments.slice(2) });
    const outside = unsupported.outsideDataResource(segments, path, base.bodyText);
    if (outside) return outside;
    if (segments[0] !== 'services' || segments[1] !== 'data' || segments.length < 3) throw notFoundError();
    const userId = authenticate(req, new URLSearchParams());
    const major = servedVersion(segments[2], MAX_API_VERSION);
    const { used, limit } = apiUsage();
    if (used >= limit) throw new SalesforceError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    countApiRequest();
    unsupported.checkDataResource(segments.slice(3));
    const found = match(routes, segments.slice(3));
    if (!found) throw notFoundError();
    const handler = found.route.methods[method];
    if (!handler) throw methodNotAllowed(req.method ?? method, found.route);
    const request: ApiRequest = { ...base, params: found.params, ctx: context(userId, `${major}.0`) };
    if (bodyText === null) return bulk.receiveUpload(request, req);
    // Reads run as they are; every write request is one transaction.
    return method === 'GET' ? handler(org, request) : storage.db.transaction(() => handler(org, request))();
  }

  /** A composite subrequest: routed as its parent's user, inside the parent's transaction, not counted again. */
  function subrequest(parent: ApiRequest, sub: composite.Subrequest): Reply {
    const url = new URL(`http://127.0.0.1${sub.url}`);
    const segments = pathSegments(url.pathname);
    const major = Number(/^v(\d+)\.0$/.exec(segments[2] ?? '')?.[1] ?? 0);
    if (segments[0] !== 'services' || segments[1] !== 'data' || major < MIN_API_VERSION || major > MAX_API_VERSION) {
      throw notFoundError();
    }
    const found = match(routes, segments.slice(3));
    if (!found) throw notFoundError();
    const handler = found.route.methods[sub.method];
    if (!handler) throw methodNotAllowed(sub.method, found.route);
    const ctx = { ...parent.ctx, apiVersion: `${major}.0` };
    const request = {
      method: sub.method,
      params: found.params,
      query: url.searchParams,
      headers: sub.headers,
      bodyText: sub.bodyText,
      ctx,
    };
    return handler(org, request);
  }

  function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
    const { used, limit } = apiUsage();
    res.setHeader('Sforce-Limit-Info', `api-usage=${used}/${limit}`);
    // Validators (ETag, Last-Modified) go with a 304 as well as with a body.
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    if (reply.stream) return void http.sendPieces(req, res, reply.status, reply.stream);
    if (reply.body === undefined || reply.status === 204 || reply.status === 304) {
      res.writeHead(reply.status);
      res.end();
      return;
    }
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    if (!reply.headers || !Object.keys(reply.headers).some((name) => name.toLowerCase() === 'content-type')) {
      res.setHeader(
        'Content-Type',
        typeof reply.body === 'string' ? 'text/plain;charset=UTF-8' : 'application/json;charset=UTF-8',
      );
    }
    const bytes = Buffer.from(text); // encoded once, not measured then encoded again
    res.writeHead(reply.status, { 'Content-Length': bytes.length });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  const bodyBudget = new http.BodyBudget();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let reply: Reply;
    const hold = new http.BodyHold(bodyBudget);
    // The body's bytes count against the budget until the answer is sent or the client leaves.
    res.once('close', () => hold.release());
    try {
      // Concatenated, not resolved: a path starting with `//` (the sf CLI sends `//services/data`) is a path here.
      const url = new URL(`http://127.0.0.1${req.url ?? '/'}`);
      // The server has no address once it is closing (a request may still be in flight then).
      http.checkHost(req, (server.address() as AddressInfo | null)?.port ?? 0);
      http.checkLengths(req);
      const { json, binary } = http.checkContentType(req, pathSegments(url.pathname).join('/'));
      const body = BulkApi.isUpload(req.method, url.pathname) ? null : await http.readBody(req, hold, json, binary);
      reply = await dispatch(req, url, body);
    } catch (error) {
      if (error instanceof http.ClientGone) return;
      if (error instanceof SalesforceError) {
        // A 500 wraps a bug (the SOQL engine's UNKNOWN_EXCEPTION keeps its cause): log it for the developer.
        if (error.status >= 500 && error.cause !== undefined) console.error('localorg: unexpected error', error.cause);
        reply = { status: error.status, body: error.toBody() };
      } else {
        // A bug in the local org: say so without a stack trace, and log it for the developer.
        console.error('localorg: unexpected error', error);
        reply = {
          status: 500,
          body: [{ message: 'An unexpected error occurred in the local org.', errorCode: 'UNKNOWN_EXCEPTION' }],
        };
      }
      // A refused body may still be arriving: discard it so that the client reads the answer.
      http.drain(req);
    }
    if (!res.destroyed) send(req, res, reply);
  }

  // Node's header limit sits above Salesforce's URI limit, so that a long URI gets the API's JSON 414.
  const server = createServer({ maxHeaderSize: http.NODE_MAX_HEADER_BYTES }, (req, res) => void handle(req, res));
  http.answerClientErrors(server);
  // A client whose event loop was busy (a script computing between requests) reuses its idle connection
  // before it can notice that the server closed it, and fails with "other side closed". Keeping idle
  // connections longer than clients do (Node's default is 5 s; clients follow the Keep-Alive hint) avoids it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
    });
  } catch (error) {
    bulk.close();
    storage.close();
    lock?.release();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const instanceUrl = `http://127.0.0.1:${port}`;
  org.instanceUrl = instanceUrl;
  if (dataDir) {
    const authFile = {
      instanceUrl,
      accessToken: admin.accessToken,
      username: admin.username,
      userId: admin.userId,
      password: admin.password,
    };
    // The developer's credentials file, the only place the admin's password and token are at rest: 0600.
    writePrivateFile(join(dataDir, 'auth.json'), `${JSON.stringify(authFile, null, 2)}\n`);
    secureDataFolder(dataDir);
  }
  let closed = false;
  return {
    instanceUrl,
    accessToken: admin.accessToken,
    adminUserId: admin.userId,
    adminUsername: admin.username,
    adminPassword: admin.password,
    storage,
    close: async () => {
      if (closed) return;
      closed = true;
      bulk.close();
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      storage.close();
      lock?.release();
    },
  };
}

/** The previous run's admin credentials (auth.json), if readable. */
function savedAdmin(dataDir: string | undefined): SavedAdmin {
  const path = dataDir ? join(dataDir, 'auth.json') : undefined;
  if (!path || !existsSync(path)) return {};
  try {
    const saved: unknown = JSON.parse(readFileSync(path, 'utf8'));
    // A value that is not a string (a hand-edited file) is as good as absent: new credentials are issued.
    return {
      password: getString(saved, 'password') ?? undefined,
      accessToken: getString(saved, 'accessToken') ?? undefined,
    };
  } catch {
    return {}; // unreadable: the org issues new credentials and rewrites it
  }
}

/** Opens (or resets) the org's database and its admin; on failure closes what it opened and frees the folder. */
async function openData(
  options: LocalOrgOptions,
  dataDir: string | undefined,
  lock: DataFolderLock | undefined,
  schema: ReturnType<typeof compileSchema>,
  now: () => Date,
): Promise<{
  storage: Storage;
  platform: ReturnType<typeof ensurePlatformRecords>;
  dml: Dml;
  auth: Auth;
  admin: AdminAccount;
}> {
  let storage: Storage | undefined;
  try {
    if (dataDir && options.reset) clearDataFolder(dataDir);
    storage = new Storage(schema, dataDir ? join(dataDir, 'org.sqlite') : ':memory:', registerFormulaFunction);
    const platform = ensurePlatformRecords(storage, {
      fiscalYearStartMonth: options.fiscalYearStartMonth,
      fiscalYearNameStart: options.fiscalYearNameStart,
      customFiscalYears: options.customFiscalYears,
      partnerLicenses: options.partnerLicenses,
      now: now(),
    });
    const dml = new Dml(storage, { fiscalYearStartMonth: platform.fiscalYearStartMonth, fiscal: platform.fiscal });
    setDataStorageLimit(storage, options.dataStorageMB ?? DEFAULT_DATA_STORAGE_MB);
    const auth = new Auth(storage, dml, {
      now,
      lockoutMinutes: options.lockoutMinutes,
      sessionTimeoutMinutes: options.sessionTimeoutMinutes,
    });
    const admin = await auth.ensureAdmin(platform.profiles.get('System Administrator') ?? '', savedAdmin(dataDir));
    return { storage, platform, dml, auth, admin };
  } catch (error) {
    storage?.close();
    lock?.release();
    throw error;
  }
}

/**
 * The Metadata API's SOAP endpoint (`/services/Soap/m/{version}`), what jsforce's `conn.metadata` and the
 * sf CLI (`sf project deploy start|validate|quick|report|resume`, `sf project retrieve start`,
 * `sf org list metadata`, `sf org list metadata-types`) call: deploy, checkDeployStatus, cancelDeploy,
 * deployRecentValidation, retrieve, checkRetrieveStatus, checkStatus, listMetadata and describeMetadata.
 * The SessionHeader's session Id is a REST access token of the org; only users with Modify All Data (the
 * System Administrator) may use the API. readMetadata reads CustomField components (read.ts); the other
 * CRUD-based calls (createMetadata, updateMetadata, ...) answer a fault that says they are not supported. Faults are HTTP 500 with Salesforce's shape.
 */
import { API_VERSION_MAJOR } from '@partner-planning/model';
import { mediaType } from '../http';
import type { OrgRuntime, Reply } from '../rest/context';
import type { SoapRequest } from '../soap/soap';
import { child, escapeXml, parseXml, textOf, XmlError, xmlElements, XML_DECLARATION, XSI_NAMESPACE } from '../xml';
import type { DeployRequestOptions } from './deploy';
import { describeMetadata, listMetadata, type PackageType, type Stamp } from './inventory';
import { MetadataJobs, type OrgProjectAccess } from './jobs';
import { readCustomFields } from './read';
import { metadataRestRoutes } from './rest';
import { asyncResultXml, deployResultXml, filePropertiesXml, retrieveResultXml } from './results';

const FIRST_VERSION = 31;
const ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
/** Salesforce answers at most three queries per listMetadata call. */
const MAX_LIST_QUERIES = 3;

const xmlReply = (body: string, status = 200): Reply => ({
  status,
  body,
  headers: { 'Content-Type': 'text/xml;charset=UTF-8' },
});

function fault(faultcode: string, faultstring: string, detail?: { code: string; message: string }): Reply {
  const details = detail
    ? `<detail><sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault"><sf:exceptionCode>${escapeXml(detail.code)}</sf:exceptionCode><sf:exceptionMessage>${escapeXml(detail.message)}</sf:exceptionMessage></sf:UnexpectedErrorFault></detail>`
    : '';
  return xmlReply(
    `${XML_DECLARATION}<soapenv:Envelope xmlns:soapenv="${ENVELOPE_NAMESPACE}" xmlns:sf="urn:fault.meta.soap.sforce.com" xmlns:xsi="${XSI_NAMESPACE}">` +
      `<soapenv:Body><soapenv:Fault><faultcode>${escapeXml(faultcode)}</faultcode><faultstring>${escapeXml(faultstring)}</faultstring>${details}</soapenv:Fault></soapenv:Body></soapenv:Envelope>`,
    500,
  );
}

/** An ApiFault (`sf:CODE`, "CODE: message"). */
const apiFault = (code: string, message: string): Reply =>
  fault(`sf:${code}`, `${code}: ${message}`, { code, message });
const clientFault = (message: string, status = 500): Reply => xmlFault('soapenv:Client', message, status);
const xmlFault = (code: string, message: string, status: number): Reply => ({ ...fault(code, message), status });

function respond(operation: string, result: string): Reply {
  return xmlReply(
    `${XML_DECLARATION}<soapenv:Envelope xmlns:soapenv="${ENVELOPE_NAMESPACE}" xmlns="${METADATA_NAMESPACE}" xmlns:xsi="${XSI_NAMESPACE}"><soapenv:Body><${operation}Response>${result}</${operation}Response></soapenv:Body></soapenv:Envelope>`,
  );
}

/** Child elements by name, repeated or not, as a list. */
function children(node: unknown, name: string): unknown[] {
  if (typeof node !== 'object' || node === null) return [];
  const value = (node as Record<string, unknown>)[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

const flag = (node: unknown, name: string, fallback: boolean): boolean => {
  const text = textOf(child(node, name))?.trim();
  return text === undefined || text === '' ? fallback : text === 'true';
};

function deployOptions(node: unknown): DeployRequestOptions {
  const testLevel = textOf(child(node, 'testLevel'))?.trim() ?? 'NoTestRun';
  return {
    checkOnly: flag(node, 'checkOnly', false),
    rollbackOnError: flag(node, 'rollbackOnError', true),
    ignoreWarnings: flag(node, 'ignoreWarnings', false),
    runTests: (testLevel !== '' && testLevel !== 'NoTestRun') || children(node, 'runTests').length > 0,
  };
}

/** The Metadata API of one org. */
export class MetadataApi {
  readonly jobs: MetadataJobs;

  constructor(
    private readonly org: OrgRuntime,
    project: OrgProjectAccess,
  ) {
    this.jobs = new MetadataJobs(org, project);
  }

  /** Serves a request to `/services/Soap/m/...`. */
  async soap(req: SoapRequest): Promise<Reply> {
    if (req.method !== 'POST') return clientFault(`SOAP requests are sent with POST, not ${req.method}.`, 405);
    const { type } = mediaType(typeof req.headers['content-type'] === 'string' ? req.headers['content-type'] : '');
    if (type !== 'text/xml') {
      return clientFault(`Content-Type '${type}' is not supported: SOAP 1.1 requests are text/xml.`, 415);
    }
    const major = Number(/^(\d+)\.0$/.exec(req.segments[1] ?? '')?.[1] ?? 0);
    if (major < FIRST_VERSION || major > API_VERSION_MAJOR) {
      return apiFault(
        'UNSUPPORTED_API_VERSION',
        `The local org serves SOAP API versions ${FIRST_VERSION}.0 to ${API_VERSION_MAJOR}.0, not '${req.segments[1] ?? ''}'.`,
      );
    }
    let parsed;
    try {
      parsed = parseXml(req.bodyText);
    } catch (error) {
      if (!(error instanceof XmlError)) throw error;
      return clientFault(`Bad envelope: ${error.message}`);
    }
    const envelope = child(parsed, 'Envelope');
    const body = child(envelope, 'Body');
    const operation = body && typeof body === 'object' ? Object.keys(body).find((k) => !k.startsWith('@')) : undefined;
    if (!operation) return clientFault('Bad envelope: no operation in the soapenv:Body.');
    const sessionId = textOf(child(child(child(envelope, 'Header'), 'SessionHeader'), 'sessionId'))?.trim() ?? '';
    const userId = sessionId ? this.org.auth.userForToken(sessionId) : undefined;
    if (!userId) return apiFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session');
    if (!this.org.dml.security.forUser(userId).allData) {
      return apiFault('INSUFFICIENT_ACCESS', 'insufficient access rights on cross-reference id');
    }
    if (operation === 'readMetadata') return this.readMetadata(child(body, operation), major);
    return this.call(operation, child(body, operation), this.stamp(userId));
  }

  /** readMetadata: CustomField components (read.ts); other types are not served. */
  private readMetadata(call: unknown, major: number): Reply {
    const type = textOf(child(call, 'type'))?.trim() ?? '';
    if (type !== 'CustomField') {
      return apiFault(
        'FUNCTIONALITY_NOT_ENABLED',
        `readMetadata() of ${type || 'this type'} is not supported by the local org: it reads CustomField components; sf project retrieve start returns any component, and sf project deploy start changes them.`,
      );
    }
    const fullNames = children(call, 'fullNames').map((n) => textOf(n)?.trim() ?? '');
    if (fullNames.length > 10) {
      return apiFault('INVALID_TYPE', 'Too many full names: readMetadata() reads at most 10 components per call.');
    }
    return respond('readMetadata', `<result>${readCustomFields(this.org.schema.model, fullNames, major)}</result>`);
  }

  /** The REST deployRequest resource's routes (rest.ts), on the same jobs. */
  restRoutes(): ReturnType<typeof metadataRestRoutes> {
    return metadataRestRoutes(this.jobs, (userId) => this.stamp(userId));
  }

  private stamp(userId: string): Stamp {
    const users = this.org.schema.objects.get('User');
    const row = users ? this.org.storage.getRow(users, userId) : undefined;
    return { userId, userName: String(row?.Name ?? ''), date: this.org.now().toISOString() };
  }

  private async call(operation: string, call: unknown, stamp: Stamp): Promise<Reply> {
    const text = (name: string): string => textOf(child(call, name))?.trim() ?? '';
    switch (operation) {
      case 'deploy': {
        const zip = Buffer.from(text('ZipFile'), 'base64');
        const id = this.jobs.deploy(zip, deployOptions(child(call, 'DeployOptions')), stamp);
        return respond(operation, `<result>${asyncResultXml(id, false, 'Queued')}</result>`);
      }
      case 'checkDeployStatus': {
        const result = this.jobs.deployResult(text('asyncProcessId'));
        if (!result) return invalidId();
        return respond(operation, `<result>${deployResultXml(result, text('includeDetails') === 'true')}</result>`);
      }
      case 'cancelDeploy': {
        const id = text('String') || text('id');
        const result = this.jobs.deployResult(id);
        if (!result) return invalidId();
        if (!this.jobs.cancel(id, stamp) && result.status !== 'Canceled') {
          return apiFault('INVALID_ID_FIELD', 'Deployment already completed');
        }
        return respond(
          operation,
          `<result>${xmlElements([
            ['done', true],
            ['id', id],
          ])}</result>`,
        );
      }
      case 'deployRecentValidation': {
        const id = this.jobs.deployValidated(text('validationId'), stamp);
        if (!id)
          return apiFault(
            'INVALID_ID_FIELD',
            'The validation ID is not valid for a quick deploy: no successful validation has it.',
          );
        return respond(operation, `<result>${escapeXml(id)}</result>`);
      }
      case 'retrieve':
        return this.retrieve(operation, child(call, 'retrieveRequest') ?? child(call, 'request'), stamp);
      case 'checkRetrieveStatus': {
        const result = this.jobs.retrieveResult(text('asyncProcessId') || text('id'));
        if (!result) return invalidId();
        const includeZip = text('includeZip') !== 'false';
        return respond(operation, `<result>${retrieveResultXml(result, includeZip)}</result>`);
      }
      case 'checkStatus': {
        const results = children(call, 'asyncProcessId').map((node) => {
          const id = textOf(node)?.trim() ?? '';
          const state = this.jobs.state(id);
          return state ? `<result>${asyncResultXml(id, state.done, state.state)}</result>` : undefined;
        });
        if (results.some((r) => r === undefined)) return invalidId();
        return respond(operation, results.join(''));
      }
      case 'listMetadata': {
        const queries = children(call, 'queries');
        if (queries.length > MAX_LIST_QUERIES) {
          return apiFault(
            'INVALID_TYPE',
            `Too many queries: at most ${MAX_LIST_QUERIES} queries per listMetadata() call.`,
          );
        }
        const listQueries = queries
          .map((q) => ({
            type: textOf(child(q, 'type'))?.trim() ?? '',
            folder: textOf(child(q, 'folder'))?.trim() || undefined,
          }))
          .filter((q) => q.type !== '');
        const model = this.org.schema.model;
        const listed = await listMetadata(this.jobs.project.root, model, listQueries, stamp);
        return respond(operation, listed.map((p) => `<result>${xmlElements(filePropertiesXml(p))}</result>`).join(''));
      }
      case 'describeMetadata':
        return respond(operation, `<result>${xmlElements(await describeMetadata())}</result>`);
      default:
        return apiFault(
          'FUNCTIONALITY_NOT_ENABLED',
          `${operation}() of the Metadata API is not supported by the local org: it serves deploy(), retrieve(), listMetadata(), describeMetadata() and readMetadata() of CustomField (sf project deploy start, sf project retrieve start).`,
        );
    }
  }

  private retrieve(operation: string, request: unknown, stamp: Stamp): Reply {
    if (children(request, 'packageNames').length > 0) {
      return apiFault(
        'FUNCTIONALITY_NOT_ENABLED',
        'Retrieving packages by name is not supported by the local org: the org has no installed packages.',
      );
    }
    const unpackaged = child(request, 'unpackaged');
    const types: PackageType[] = children(unpackaged, 'types').map((t) => ({
      name: textOf(child(t, 'name'))?.trim() ?? '',
      members: children(t, 'members').map((m) => textOf(m)?.trim() ?? ''),
    }));
    const singlePackage = flag(request, 'singlePackage', false);
    const id = this.jobs.retrieve(types, singlePackage, stamp);
    return respond(operation, `<result>${asyncResultXml(id, false, 'Queued')}</result>`);
  }
}

const invalidId = (): Reply => apiFault('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');

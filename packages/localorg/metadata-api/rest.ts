/**
 * The REST Metadata API's deploy resource (`/services/data/vXX.X/metadata/deployRequest`), what jsforce's
 * `conn.metadata.deployRest()` and the sf CLI with `org-metadata-rest-deploy` send: POST a multipart body
 * (the zip as `file`, the options as `entity_content` JSON) or a quick deploy's `validatedDeployRequestId`,
 * GET `deployRequest/{id}` (with `includeDetails=true` for the components), PATCH it to cancel. The deploys
 * are the SOAP API's jobs (jobs.ts), so either API reads the other's.
 */
import { getBoolean, getString, isJsonMap, type JsonMap } from '@salesforce/ts-types';
import { SalesforceError } from '../errors';
import { mediaType } from '../http';
import {
  bodyObject,
  notFoundError,
  ok,
  parseJsonBody,
  type ApiRequest,
  type OrgRuntime,
  type Reply,
} from '../rest/context';
import type { DeployRequestOptions } from './deploy';
import type { Stamp } from './inventory';
import type { MetadataJobs } from './jobs';
import { deployResultJson } from './results';

/** One part of a multipart/form-data body (read as latin1, so that each character is one byte). */
interface Part {
  name: string;
  contentType: string;
  body: string;
}

function multipartParts(bodyText: string, contentType: string): Part[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new SalesforceError(400, 'INVALID_MULTIPART_REQUEST', 'The multipart request has no boundary.');
  const parts: Part[] = [];
  for (const chunk of bodyText.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    const split = chunk.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = chunk.slice(0, split);
    const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? '';
    parts.push({ name, contentType: type.trim(), body: chunk.slice(split + 4).replace(/\r\n$/, '') });
  }
  return parts;
}

function options(json: JsonMap | undefined): DeployRequestOptions {
  const testLevel = getString(json, 'testLevel') ?? 'NoTestRun';
  const runTests = json?.runTests;
  return {
    checkOnly: getBoolean(json, 'checkOnly') ?? false,
    rollbackOnError: getBoolean(json, 'rollbackOnError') ?? true,
    ignoreWarnings: getBoolean(json, 'ignoreWarnings') ?? false,
    runTests: testLevel !== 'NoTestRun' || (Array.isArray(runTests) && runTests.length > 0),
  };
}

/** The REST routes, by path after `/services/data/vXX.X/`. */
export function metadataRestRoutes(
  jobs: MetadataJobs,
  stampOf: (userId: string) => Stamp,
): { path: string; methods: Record<string, (org: OrgRuntime, req: ApiRequest) => Reply> }[] {
  const checkAccess = (org: OrgRuntime, req: ApiRequest): Stamp => {
    if (!org.dml.security.forUser(req.ctx.userId).allData) {
      throw new SalesforceError(403, 'INSUFFICIENT_ACCESS', 'insufficient access rights on cross-reference id');
    }
    return stampOf(req.ctx.userId);
  };
  const url = (req: ApiRequest, id: string): string =>
    `/services/data/v${req.ctx.apiVersion}/metadata/deployRequest/${id}`;
  const answer = (req: ApiRequest, id: string, status = 200): Reply => {
    const result = jobs.deployResult(id);
    if (!result) throw notFoundError();
    const details = req.query.get('includeDetails') === 'true';
    return ok(
      { id, validatedDeployRequestId: null, url: url(req, id), deployResult: deployResultJson(result, details) },
      status,
    );
  };
  return [
    {
      path: 'metadata/deployRequest',
      methods: {
        POST: (org, req) => {
          const stamp = checkAccess(org, req);
          const header = String(req.headers['content-type'] ?? '');
          if (mediaType(header).type === 'application/json') {
            const validated = getString(bodyObject(parseJsonBody(req.bodyText)), 'validatedDeployRequestId') ?? '';
            const id = jobs.deployValidated(validated, stamp);
            if (!id)
              throw new SalesforceError(400, 'INVALID_ID_FIELD', `No successful validation has the Id ${validated}.`);
            return answer(req, id, 201);
          }
          const parts = multipartParts(req.bodyText, header);
          const file = parts.find((p) => p.name === 'file');
          if (!file)
            throw new SalesforceError(400, 'INVALID_MULTIPART_REQUEST', 'The request has no file part (the zip).');
          const entity = parts.find((p) => p.name === 'entity_content');
          const content = entity ? bodyObject(parseJsonBody(entity.body)) : undefined;
          const deployOptions = isJsonMap(content?.deployOptions) ? content.deployOptions : undefined;
          const id = jobs.deploy(Buffer.from(file.body, 'latin1'), options(deployOptions), stamp);
          return answer(req, id, 201);
        },
      },
    },
    {
      path: 'metadata/deployRequest/:id',
      methods: {
        GET: (org, req) => {
          checkAccess(org, req);
          return answer(req, req.params[0]);
        },
        PATCH: (org, req) => {
          const stamp = checkAccess(org, req);
          const id = req.params[0];
          if (!jobs.deployResult(id)) throw notFoundError();
          if (!jobs.cancel(id, stamp))
            throw new SalesforceError(400, 'INVALID_ID_FIELD', 'Deployment already completed');
          return answer(req, id, 202);
        },
      },
    },
  ];
}

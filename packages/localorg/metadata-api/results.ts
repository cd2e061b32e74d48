/**
 * The Metadata API's result types (DeployResult, DeployMessage, RetrieveResult, FileProperties, AsyncResult)
 * as the local org keeps them, and their SOAP XML in the WSDL's element order, which is what jsforce's
 * schema casting and the sf CLI (source-deploy-retrieve) read.
 */
import { xmlElements, type XmlFields } from '../xml';

export type DeployStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'SucceededPartial' | 'Failed' | 'Canceled';

/** One component's outcome in a deploy (a componentSuccess or componentFailure). */
export interface DeployMessage {
  componentType: string;
  fullName: string;
  /** Path in the deployed zip (metadata format), e.g. `objects/Account.object`. */
  fileName: string;
  success: boolean;
  created: boolean;
  changed: boolean;
  deleted: boolean;
  problem?: string;
  problemType?: 'Error' | 'Warning';
  lineNumber?: number;
  columnNumber?: number;
  /** The component's Id, when the org has one for it. */
  id?: string;
}

export interface DeployResult {
  id: string;
  status: DeployStatus;
  done: boolean;
  success: boolean;
  checkOnly: boolean;
  ignoreWarnings: boolean;
  rollbackOnError: boolean;
  runTestsEnabled: boolean;
  createdBy: string;
  createdByName: string;
  createdDate: string;
  startDate?: string;
  completedDate?: string;
  lastModifiedDate: string;
  stateDetail?: string;
  errorMessage?: string;
  errorStatusCode?: string;
  canceledBy?: string;
  canceledByName?: string;
  numberComponentsTotal: number;
  numberComponentsDeployed: number;
  numberComponentErrors: number;
  successes: DeployMessage[];
  failures: DeployMessage[];
}

/** A component as listMetadata and retrieve describe it. */
export interface FileProperties {
  createdById: string;
  createdByName: string;
  createdDate: string;
  fileName: string;
  fullName: string;
  id: string;
  lastModifiedById: string;
  lastModifiedByName: string;
  lastModifiedDate: string;
  manageableState: 'unmanaged';
  type: string;
}

export interface RetrieveResult {
  id: string;
  done: boolean;
  status: 'Pending' | 'InProgress' | 'Succeeded' | 'Failed';
  success: boolean;
  errorMessage?: string;
  errorStatusCode?: string;
  fileProperties: FileProperties[];
  /** Requested members the org does not have ("Entity of type ... cannot be found"). */
  messages: { fileName: string; problem: string }[];
  /** The zip (metadata format), base64. */
  zipFile?: string;
}

const optional = (name: string, value: string | number | undefined): XmlFields =>
  value === undefined ? [] : [[name, value]];

function messageXml(message: DeployMessage, createdDate: string): XmlFields {
  return [
    ['changed', message.changed],
    ...optional('columnNumber', message.columnNumber),
    ['componentType', message.componentType],
    ['created', message.created],
    ['createdDate', createdDate],
    ['deleted', message.deleted],
    ['fileName', message.fileName],
    ['fullName', message.fullName],
    ...optional('id', message.id),
    ...optional('lineNumber', message.lineNumber),
    ...optional('problem', message.problem),
    ...optional('problemType', message.problemType),
    ['success', message.success],
  ];
}

/** A DeployResult's elements; `details` only when asked for (checkDeployStatus's includeDetails). */
export function deployResultXml(result: DeployResult, includeDetails: boolean): string {
  const details: XmlFields = includeDetails
    ? [
        [
          'details',
          [
            ...result.failures.map((m): [string, XmlFields] => [
              'componentFailures',
              messageXml(m, result.createdDate),
            ]),
            ...result.successes.map((m): [string, XmlFields] => [
              'componentSuccesses',
              messageXml(m, result.createdDate),
            ]),
            [
              'runTestResult',
              [
                ['numFailures', 0],
                ['numTestsRun', 0],
                ['totalTime', 0],
              ],
            ],
          ],
        ],
      ]
    : [];
  return xmlElements([
    ...optional('canceledBy', result.canceledBy),
    ...optional('canceledByName', result.canceledByName),
    ['checkOnly', result.checkOnly],
    ...optional('completedDate', result.completedDate),
    ['createdBy', result.createdBy],
    ['createdByName', result.createdByName],
    ['createdDate', result.createdDate],
    ...details,
    ['done', result.done],
    ...optional('errorMessage', result.errorMessage),
    ...optional('errorStatusCode', result.errorStatusCode),
    ['id', result.id],
    ['ignoreWarnings', result.ignoreWarnings],
    ['lastModifiedDate', result.lastModifiedDate],
    ['numberComponentErrors', result.numberComponentErrors],
    ['numberComponentsDeployed', result.numberComponentsDeployed],
    ['numberComponentsTotal', result.numberComponentsTotal],
    ['numberTestErrors', 0],
    ['numberTestsCompleted', 0],
    ['numberTestsTotal', 0],
    ['rollbackOnError', result.rollbackOnError],
    ['runTestsEnabled', result.runTestsEnabled],
    ...optional('startDate', result.startDate),
    ...optional('stateDetail', result.stateDetail),
    ['status', result.status],
    ['success', result.success],
  ]);
}

/** The JSON form of a DeployResult (the REST deployRequest resource's `deployResult`). */
export function deployResultJson(result: DeployResult, includeDetails: boolean): Record<string, unknown> {
  const message = (m: DeployMessage): Record<string, unknown> => ({
    changed: m.changed,
    columnNumber: m.columnNumber ?? null,
    componentType: m.componentType,
    created: m.created,
    createdDate: result.createdDate,
    deleted: m.deleted,
    fileName: m.fileName,
    fullName: m.fullName,
    id: m.id ?? null,
    lineNumber: m.lineNumber ?? null,
    problem: m.problem ?? null,
    problemType: m.problemType ?? null,
    success: m.success,
  });
  const { successes, failures, ...rest } = result;
  return {
    ...rest,
    details: includeDetails
      ? {
          componentFailures: failures.map(message),
          componentSuccesses: successes.map(message),
          runTestResult: { numFailures: 0, numTestsRun: 0, totalTime: 0 },
        }
      : null,
    numberTestErrors: 0,
    numberTestsCompleted: 0,
    numberTestsTotal: 0,
  };
}

export function filePropertiesXml(p: FileProperties): XmlFields {
  return [
    ['createdById', p.createdById],
    ['createdByName', p.createdByName],
    ['createdDate', p.createdDate],
    ['fileName', p.fileName],
    ['fullName', p.fullName],
    ['id', p.id],
    ['lastModifiedById', p.lastModifiedById],
    ['lastModifiedByName', p.lastModifiedByName],
    ['lastModifiedDate', p.lastModifiedDate],
    ['manageableState', p.manageableState],
    ['type', p.type],
  ];
}

/** A RetrieveResult's elements; the zip only when asked for (checkRetrieveStatus's includeZip). */
export function retrieveResultXml(result: RetrieveResult, includeZip: boolean): string {
  return xmlElements([
    ['done', result.done],
    ...optional('errorMessage', result.errorMessage),
    ...optional('errorStatusCode', result.errorStatusCode),
    ...result.fileProperties.map((p): [string, XmlFields] => ['fileProperties', filePropertiesXml(p)]),
    ['id', result.id],
    ...result.messages.map((m): [string, XmlFields] => [
      'messages',
      [
        ['fileName', m.fileName],
        ['problem', m.problem],
      ],
    ]),
    ['status', result.status],
    ['success', result.success],
    ...(includeZip && result.zipFile !== undefined ? ([['zipFile', result.zipFile]] as XmlFields) : []),
  ]);
}

/** An AsyncResult (what deploy() and retrieve() answer at once, and checkStatus()). */
export function asyncResultXml(id: string, done: boolean, state: string): string {
  return xmlElements([
    ['done', done],
    ['id', id],
    ['state', state],
  ]);
}

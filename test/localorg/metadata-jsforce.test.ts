/**
 * The local org's Metadata API through jsforce's `conn.metadata`, over HTTP: deploy (checkOnly, applied,
 * refused, partial without rollbackOnError; SOAP and the REST deployRequest) with checkDeployStatus's
 * details, retrieve of what was
 * deployed, listMetadata, describeMetadata, readMetadata of CustomField, and the SOAP faults for a bad session and an unsupported call.
 * The org serves a temporary copy of the small fixture project.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Connection } from 'jsforce';
import { API_VERSION, apiError, LOCALORG_FIXTURE, startTestOrg, type TestOrg } from '../support/localorg';

jest.setTimeout(60_000);

const NS = 'http://soap.sforce.com/2006/04/metadata';

const packageXml = (types: Record<string, string[]>): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Package xmlns="${NS}">${Object.entries(types)
    .map(
      ([name, members]) =>
        `<types>${members.map((m) => `<members>${m}</members>`).join('')}<name>${name}</name></types>`,
    )
    .join('')}<version>${API_VERSION}</version></Package>`;

const field = (name: string): string =>
  `<fields><fullName>${name}</fullName><description>A score deployed by the test.</description>` +
  `<inlineHelpText>Any whole number.</inlineHelpText><label>${name}</label><precision>5</precision>` +
  `<required>false</required><scale>0</scale><type>Number</type></fields>`;

const badLayout = `<?xml version="1.0" encoding="UTF-8"?><Layout xmlns="${NS}"><layoutSections><label>Info</label>
<layoutColumns><layoutItems><behavior>Edit</behavior><field>Nowhere__c</field></layoutItems></layoutColumns>
<style>OneColumn</style></layoutSections></Layout>`;

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const fieldZip = (name: string, extra: Record<string, string> = {}, types: Record<string, string[]> = {}) =>
  zipOf({
    'package.xml': packageXml({ CustomField: [`Plan__c.${name}`], ...types }),
    'objects/Plan__c.object': `<?xml version="1.0" encoding="UTF-8"?><CustomObject xmlns="${NS}">${field(name)}</CustomObject>`,
    ...extra,
  });

let org: TestOrg;
let project: string;

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'localorg-mdapi-'));
  cpSync(LOCALORG_FIXTURE, project, { recursive: true });
  org = await startTestOrg({ forceAppRoot: project });
  org.conn.metadata.pollInterval = 200;
  org.conn.metadata.pollTimeout = 50_000;
});

afterAll(async () => {
  await org?.close();
  rmSync(project, { recursive: true, force: true });
});

const deployed = async (zip: Buffer, options: Record<string, unknown> = {}) => {
  const { id } = await org.conn.metadata.deploy(zip, { singlePackage: true, ...options });
  for (;;) {
    const result = await org.conn.metadata.checkDeployStatus(id, true);
    if (result.done) return result;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

test('a checkOnly deploy validates and applies nothing; a deploy makes the field queryable at once', async () => {
  const zip = await fieldZip('Score__c');
  const checked = await deployed(zip, { checkOnly: true });
  expect(checked).toMatchObject({ status: 'Succeeded', success: true, checkOnly: true, numberComponentErrors: 0 });
  expect((await apiError(Promise.resolve(org.conn.query('SELECT Score__c FROM Plan__c')))).errorCode).toBe(
    'INVALID_FIELD',
  );

  const result = await deployed(zip);
  expect(result).toMatchObject({ status: 'Succeeded', success: true, checkOnly: false, rollbackOnError: true });
  const successes = [result.details?.componentSuccesses ?? []].flat();
  expect(successes).toContainEqual(
    expect.objectContaining({ componentType: 'CustomField', fullName: 'Plan__c.Score__c', created: true }),
  );
  const query = await org.conn.query('SELECT Id, Score__c FROM Plan__c');
  expect(query.done).toBe(true);
});

test('retrieve answers the deployed field in a metadata format zip; list and describe see the org', async () => {
  const result = await org.conn.metadata
    .retrieve({
      apiVersion: Number(API_VERSION),
      singlePackage: true,
      // jsforce's Package type asks for every optional element; the request needs only these.
      unpackaged: { types: [{ name: 'CustomField', members: ['Plan__c.Score__c'] }], version: API_VERSION } as never,
    })
    .complete();
  expect(result).toMatchObject({ status: 'Succeeded', success: true });
  const zip = await JSZip.loadAsync(Buffer.from(result.zipFile, 'base64'));
  const object = await zip.file('objects/Plan__c.object')?.async('string');
  expect(object).toContain('<fullName>Score__c</fullName>');
  expect(await zip.file('package.xml')?.async('string')).toContain('<members>Plan__c.Score__c</members>');

  const listed = [await org.conn.metadata.list([{ type: 'CustomObject' }])].flat();
  expect(listed.map((p) => p.fullName)).toEqual(expect.arrayContaining(['Plan__c', 'Account']));
  const described = await org.conn.metadata.describe(API_VERSION);
  expect(described.metadataObjects).toContainEqual(
    expect.objectContaining({ xmlName: 'CustomObject', directoryName: 'objects' }),
  );
});

test('a component naming a missing field fails the deploy, which applies nothing', async () => {
  const zip = await fieldZip('Refused__c', { 'layouts/Plan__c-Bad.layout': badLayout }, { Layout: ['Plan__c-Bad'] });
  const result = await deployed(zip);
  expect(result).toMatchObject({ status: 'Failed', success: false, numberComponentErrors: 1 });
  expect([result.details?.componentFailures ?? []].flat()).toEqual([
    expect.objectContaining({
      componentType: 'Layout',
      fullName: 'Plan__c-Bad',
      problem: 'In field: field - no CustomField named Plan__c.Nowhere__c found',
      problemType: 'Error',
    }),
  ]);
  expect((await apiError(Promise.resolve(org.conn.query('SELECT Refused__c FROM Plan__c')))).errorCode).toBe(
    'INVALID_FIELD',
  );
});

test('without rollbackOnError the components that pass are applied (SucceededPartial)', async () => {
  const zip = await fieldZip('Partial__c', { 'layouts/Plan__c-Bad.layout': badLayout }, { Layout: ['Plan__c-Bad'] });
  const result = await deployed(zip, { rollbackOnError: false });
  expect(result).toMatchObject({ status: 'SucceededPartial', success: true, numberComponentErrors: 1 });
  expect((await org.conn.query('SELECT Id, Partial__c FROM Plan__c')).done).toBe(true);
});

test('the REST deployRequest resource deploys a multipart zip, and reports it with details', async () => {
  const { id } = await org.conn.metadata.deployRest(await fieldZip('Rest_Score__c'), { rollbackOnError: true });
  let result = await org.conn.metadata.checkDeployStatus(id, true, true);
  while (!result.done) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    result = await org.conn.metadata.checkDeployStatus(id, true, true);
  }
  expect(result).toMatchObject({ id, status: 'Succeeded', success: true });
  expect(result.details?.componentSuccesses).toContainEqual(
    expect.objectContaining({ componentType: 'CustomField', fullName: 'Plan__c.Rest_Score__c', created: true }),
  );
  expect((await org.conn.query('SELECT Id, Rest_Score__c FROM Plan__c')).done).toBe(true);
  // The SOAP API reads the same job.
  expect((await org.conn.metadata.checkDeployStatus(id)).status).toBe('Succeeded');
});

test('a bad session and an unsupported call answer SOAP faults', async () => {
  const stranger = new Connection({
    instanceUrl: org.org.instanceUrl,
    accessToken: 'not-a-token',
    version: API_VERSION,
  });
  expect((await apiError(stranger.metadata.list([{ type: 'CustomObject' }]))).errorCode).toBe('sf:INVALID_SESSION_ID');
  const unsupported = await apiError(org.conn.metadata.read('CustomObject', ['Plan__c']));
  expect(unsupported.errorCode).toBe('sf:FUNCTIONALITY_NOT_ENABLED');
  expect(unsupported.message).toContain('not supported by the local org');
});

test('readMetadata reads CustomField components: picklists by the caller version, unknown names empty', async () => {
  // Before API 38.0 a picklist answers picklistValues, with the lead statuses' converted flag.
  const v37 = new Connection({
    instanceUrl: org.org.instanceUrl,
    accessToken: org.conn.accessToken ?? undefined,
    version: '37.0',
  });
  const status = (await v37.metadata.read('CustomField', 'Lead.Status')) as unknown as {
    fullName: string;
    type: string;
    picklist: { picklistValues: { fullName: string; converted: string }[] };
  };
  expect(status).toMatchObject({ fullName: 'Lead.Status', type: 'Picklist' });
  const converted = status.picklist.picklistValues.filter((v) => v.converted === 'true').map((v) => v.fullName);
  expect(converted).toEqual(['Closed - Converted']);

  const [stage, missing] = (await org.conn.metadata.read('CustomField', [
    'Opportunity.StageName',
    'Opportunity.Nowhere__c',
  ])) as unknown as Record<string, unknown>[];
  expect(stage).toMatchObject({ fullName: 'Opportunity.StageName', label: 'Stage', type: 'Picklist' });
  // From 38.0 it answers a valueSet with the values and their labels.
  expect(stage.valueSet).toMatchObject({
    valueSetDefinition: { value: expect.arrayContaining([expect.objectContaining({ fullName: 'Closed Won' })]) },
  });
  expect(stage.picklist).toBeUndefined();
  expect(missing.fullName).toBeUndefined();
});

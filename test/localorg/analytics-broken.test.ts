/**
 * Reports whose metadata names what their report type lacks fail to load, in describe and in a run, with
 * the Analytics API's BAD_REQUEST and the column at fault; a sound report of the same project runs, with its
 * filter logic and its fiscal-year time frame (the broken-reports fixture, started as a local org directly:
 * the Metadata API's deploy would refuse these reports).
 */
import { join } from 'node:path';
import { FIXTURES } from '../support/project';
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { reportByName, runReport } from '../support/analytics';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({
    forceAppRoot: join(FIXTURES, 'broken-reports'),
    now: () => new Date('2026-11-25T12:00:00Z'),
  });
});
afterAll(() => t.close());

it.each([
  ['Broken Gadget Columns', /Gadget__c\$Weight__c isn't a column of the report type Gadgets_With_Parts__c/],
  ['Broken Gadget Type Name', /report type Gadgets_With_Parts doesn't exist/],
  ['Broken Gadget Interval', /time frame interval INTERVAL_SOMEDAY isn't a valid date interval/],
])('%s fails to load in describe and in a run', async (name, message) => {
  const id = await reportByName(t.conn, name);
  for (const path of [`/analytics/reports/${id}/describe`, `/analytics/reports/${id}?includeDetails=true`]) {
    const res = await rawRequest(t.conn, 'GET', dataPath(path));
    expect(res.status).toBe(400);
    expect(res.body).toEqual([
      expect.objectContaining({ errorCode: 'BAD_REQUEST', message: expect.stringMatching(message) }),
    ]);
  }
});

it('runs the sound report: filter logic 1 OR 2 and this fiscal year by creation date', async () => {
  const gadget = (fields: Record<string, unknown>): Promise<unknown> => t.conn.sobject('Gadget__c').create(fields);
  await gadget({ Name: 'Active cheap', Status__c: 'Active', Price__c: 10 });
  await gadget({ Name: 'Retired dear', Status__c: 'Retired', Price__c: 500 });
  await gadget({ Name: 'Retired cheap', Status__c: 'Retired', Price__c: 5 });
  const result = await runReport(t.conn, await reportByName(t.conn, 'Gadgets By Status'));
  const names = Object.values(result.factMap)
    .flatMap((e) => e.rows ?? [])
    .map((r) => r.dataCells[0].label)
    .sort();
  expect(names).toEqual(['Active cheap', 'Retired dear']);
  expect(result.reportMetadata.standardDateFilter).toMatchObject({ durationValue: 'THIS_FISCAL_YEAR' });
  expect(result.factMap['T!T'].aggregates.at(-1)?.value).toBe(2);
});

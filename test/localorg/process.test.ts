/**
 * Process rules and approvals, as jsforce's `conn.process` calls them: the package defines no workflow rules
 * and no approval processes, so the lists are empty, evaluating rules succeeds with nothing to do, and
 * submitting a record for approval fails with NO_APPLICABLE_PROCESS; bad Ids fail as the org fails them.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
let accountId: string;
beforeAll(async () => {
  t = await startTestOrg();
  const created = await t.conn.sobject('Account').create({ Name: 'Process test' });
  accountId = created.success ? created.id : '';
});
afterAll(() => t.close());

interface ErrorBody {
  errorCode: string;
  message: string;
}

it('lists no process rules, for the org and per object', async () => {
  expect(await t.conn.process.rule.list()).toEqual({});
  expect(await t.conn.request(dataPath('/process/rules/Account'))).toEqual({ rules: {} });
  const unknownRule = await rawRequest(t.conn, 'GET', dataPath('/process/rules/Account/01QD0000000APli'));
  expect(unknownRule.status).toBe(404);
  expect((unknownRule.body as ErrorBody[])[0].errorCode).toBe('NOT_FOUND');
  const unknownObject = await rawRequest(t.conn, 'GET', dataPath('/process/rules/Nope__c'));
  expect(unknownObject.status).toBe(404);
});

it('evaluates rules on records: nothing applies, so it succeeds', async () => {
  expect(await t.conn.process.rule.trigger(accountId)).toEqual({ errors: null, success: true });
  const malformed = await rawRequest(t.conn, 'POST', dataPath('/process/rules'), { body: { contextIds: ['nope'] } });
  expect(malformed.status).toBe(400);
  expect((malformed.body as ErrorBody[])[0].errorCode).toBe('MALFORMED_ID');
  const empty = await rawRequest(t.conn, 'POST', dataPath('/process/rules'), { body: { contextIds: [] } });
  expect(empty.status).toBe(400);
});

it('lists no approval processes', async () => {
  expect(await t.conn.process.approval.list()).toEqual({});
});

it('refuses a submission for approval: no approval process applies', async () => {
  const submit = await rawRequest(t.conn, 'POST', dataPath('/process/approvals'), {
    body: { requests: [{ actionType: 'Submit', contextId: accountId, comments: 'please' }] },
  });
  expect(submit.status).toBe(400);
  expect(submit.body).toEqual([
    { errorCode: 'NO_APPLICABLE_PROCESS', message: 'No applicable approval process was found.', fields: [] },
  ]);
  await expect(t.conn.process.approval.request([{ actionType: 'Submit', contextId: accountId }])).rejects.toMatchObject(
    { errorCode: 'NO_APPLICABLE_PROCESS' },
  );
});

it('answers each request of a batch: unknown records, work items and action types', async () => {
  const deleted = await t.conn.sobject('Account').create({ Name: 'Gone' });
  const goneId = deleted.success ? deleted.id : '';
  await t.conn.sobject('Account').destroy(goneId);
  const reply = await rawRequest(t.conn, 'POST', dataPath('/process/approvals'), {
    body: {
      requests: [
        { actionType: 'Submit', contextId: goneId },
        { actionType: 'Approve', contextId: '04iD0000000Cw6SIAS' },
        { actionType: 'Reject', contextId: 'bad' },
        { actionType: 'Escalate', contextId: accountId },
      ],
    },
  });
  expect(reply.status).toBe(400);
  expect((reply.body as ErrorBody[]).map((e) => e.errorCode)).toEqual([
    'INVALID_CROSS_REFERENCE_KEY',
    'INVALID_CROSS_REFERENCE_KEY',
    'MALFORMED_ID',
    'JSON_PARSER_ERROR',
  ]);
});

it('lists process among the version resources', async () => {
  const resources = (await t.conn.request(dataPath(''))) as Record<string, string>;
  expect(resources.process).toBe(dataPath('/process'));
});

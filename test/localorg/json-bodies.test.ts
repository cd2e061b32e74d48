/**
 * Decoded request bodies keep the API's documented answers: a body of the wrong shape is JSON_PARSER_ERROR
 * (collections, tree) or INVALID_INPUT (composite), and a record whose JSON has a key named like an
 * Object.prototype member (`constructor`) is still a record, whose unknown field is INVALID_FIELD, not a
 * body refused as "not an object" (the narrowing at these boundaries must not mistake it for a class instance).
 */
import { dataPath, LOCALORG_FIXTURE, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
});
afterAll(() => t.close());

const firstError = (body: unknown): unknown => (Array.isArray(body) ? body[0] : body);

it('answers a collection body without a records array with JSON_PARSER_ERROR', async () => {
  for (const body of ['[]', '{"records": "x"}', '"records"', 'null', '{"records": [1]}']) {
    const res = await rawRequest(t.conn, 'POST', dataPath('/composite/sobjects'), {
      body,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(firstError(res.body)).toMatchObject({ errorCode: 'JSON_PARSER_ERROR' });
  }
});

it('answers a record with a "constructor" key as a record with an unknown field (INVALID_FIELD)', async () => {
  const res = await rawRequest(t.conn, 'POST', dataPath('/composite/sobjects'), {
    body: { records: [{ attributes: { type: 'Account' }, Name: 'Proto', constructor: 'x' }] },
  });
  // An unknown field fails the request as the API's deserializer does: 400 INVALID_FIELD, naming the field.
  expect(res.status).toBe(400);
  expect(res.body).toEqual([
    { errorCode: 'INVALID_FIELD', message: "No such column 'constructor' on sobject of type Account", fields: [] },
  ]);
});

it('answers a composite body without a compositeRequest array with INVALID_INPUT', async () => {
  for (const body of ['{"compositeRequest": {}}', '[]', '{"compositeRequest": ["x"]}']) {
    const res = await rawRequest(t.conn, 'POST', dataPath('/composite'), {
      body,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(firstError(res.body)).toMatchObject({ errorCode: 'INVALID_INPUT' });
  }
});

it('answers a tree body whose records are not objects with JSON_PARSER_ERROR', async () => {
  for (const body of ['{"records": {}}', '{"records": ["x"]}']) {
    const res = await rawRequest(t.conn, 'POST', dataPath('/composite/tree/Account'), {
      body,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(firstError(res.body)).toMatchObject({ errorCode: 'JSON_PARSER_ERROR' });
  }
});

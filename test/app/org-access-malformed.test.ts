/**
 * The app's server reads the org's answers through checked shapes: a query result without a records array, a
 * describe without fields, a body that is not JSON, each fail where they arrive as a 502 naming the request,
 * not as a TypeError later in the GraphQL layer. A tiny HTTP server on 127.0.0.1 plays the org.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OrgAccess } from '../../packages/app/org-access';

let answer: { status: number; text: string } = { status: 200, text: '{}' };
let server: Server;
let access: OrgAccess;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(answer.text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  access = new OrgAccess({ orgUrl: `http://127.0.0.1:${port}`, adminUsername: 'admin@local', adminToken: 'token' });
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const reply = (body: unknown, status = 200): void => {
  answer = { status, text: typeof body === 'string' ? body : JSON.stringify(body) };
};

it('refuses a query result without a records array, naming the query', async () => {
  reply({ totalSize: 1, done: true });
  await expect(access.client(access.admin).query('SELECT Id FROM User')).rejects.toMatchObject({
    status: 502,
    errorCode: 'UNKNOWN_EXCEPTION',
    message: `The local org answered query?q=${encodeURIComponent('SELECT Id FROM User')} with a query result without a records array of objects`,
  });
  reply({ totalSize: 1, done: true, records: ['x'] });
  await expect(access.client(access.admin).query('SELECT Id FROM User')).rejects.toMatchObject({ status: 502 });
});

it('reads a well-formed query result', async () => {
  reply({ totalSize: 1, done: true, records: [{ Id: '005000000000001AAA' }] });
  await expect(access.client(access.admin).query('SELECT Id FROM User')).resolves.toEqual({
    totalSize: 1,
    records: [{ Id: '005000000000001AAA' }],
  });
});

it('refuses a describe without fields, naming the object', async () => {
  reply({ name: 'Account' });
  await expect(access.client(access.admin).describe('Account')).rejects.toMatchObject({
    status: 502,
    message: 'The local org answered sobjects/Account/describe with a describe without a name and a fields array',
  });
});

it('passes on the org error of an error answer, and names a body that is not JSON', async () => {
  reply([{ errorCode: 'INVALID_TYPE', message: "sObject type 'Nope' is not supported." }], 404);
  await expect(access.client(access.admin).describe('Nope')).rejects.toMatchObject({
    status: 404,
    errorCode: 'INVALID_TYPE',
    message: "sObject type 'Nope' is not supported.",
  });
  reply('<html>proxy error</html>', 502);
  await expect(access.client(access.admin).query('SELECT Id FROM User')).rejects.toMatchObject({
    status: 502,
    message: `The local org answered query?q=${encodeURIComponent('SELECT Id FROM User')} with something not JSON`,
  });
});

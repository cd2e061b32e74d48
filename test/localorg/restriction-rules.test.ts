/**
 * Restriction rules and master-detail's "Read Only" sharing setting, from a fixture project
 * (localorg-restriction-rules): users of the department Outside see only public pages and the notes on them,
 * in every API that reads records, while an Inside user with the same sharing sees everything; whoever reads a
 * binder may create, edit and delete its pages (writeRequiresMasterRead), whoever does not may not.
 */
import { join } from 'node:path';
import { bulkQuery } from '../support/bulk';
import { apiError, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { FIXTURES } from '../support/project';
import { createUser, type TestUser } from '../support/security';
import { gql } from '../support/ui-api';

const FIXTURE = join(FIXTURES, 'localorg-restriction-rules');

let t: TestOrg;
let owner: TestUser;
let outside: TestUser;
let inside: TestUser;
let stranger: TestUser;
let binder: string;
let publicPage: string;
let privatePage: string;
let publicNote: string;

type Rec = Record<string, unknown>;
const ids = (records: Rec[]): string[] => records.map((r) => String(r.Id)).sort();

beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: FIXTURE });
  const permissionSets = ['Binder_User'];
  owner = await createUser(t, { alias: 'owner', permissionSets });
  outside = await createUser(t, { alias: 'outside', permissionSets, fields: { Department: 'Outside' } });
  inside = await createUser(t, { alias: 'inside', permissionSets, fields: { Department: 'Inside' } });
  stranger = await createUser(t, { alias: 'stranger', permissionSets, fields: { Department: 'Outside' } });
  binder = (await owner.conn.sobject('Binder__c').create({ Name: 'Field guide', Topic__c: 'Birds' })).id!;
  publicPage = (await owner.conn.sobject('Page__c').create({ Name: 'Open page', Binder__c: binder, Body__c: 'heron' }))
    .id!;
  privatePage = (
    await owner.conn
      .sobject('Page__c')
      .create({ Name: 'Closed page', Binder__c: binder, Body__c: 'heron', Public__c: false })
  ).id!;
  publicNote = (await owner.conn.sobject('Note__c').create({ Name: 'Open note', Page__c: publicPage })).id!;
  await owner.conn.sobject('Note__c').create({ Name: 'Closed note', Page__c: privatePage });
  for (const user of [outside, inside]) {
    await owner.conn.sobject('Binder__Share').create({ ParentId: binder, UserOrGroupId: user.id, AccessLevel: 'Read' });
  }
});
afterAll(() => t.close());

const query = async (user: TestUser, soql: string): Promise<Rec[]> => (await user.conn.query<Rec>(soql)).records;

describe('a restriction rule', () => {
  it('hides the records its filter leaves out from the users it applies to, in SOQL', async () => {
    expect(ids(await query(outside, 'SELECT Id FROM Page__c'))).toEqual([publicPage]);
    expect(ids(await query(inside, 'SELECT Id FROM Page__c'))).toEqual([publicPage, privatePage].sort());
    // A filter through a relationship path (Page__r.Public__c).
    expect(ids(await query(outside, 'SELECT Id FROM Note__c'))).toEqual([publicNote]);
    expect(await query(inside, 'SELECT Id FROM Note__c')).toHaveLength(2);
  });

  it('hides them in a child subquery', async () => {
    const [found] = await query(outside, `SELECT Id, (SELECT Id FROM Pages__r) FROM Binder__c WHERE Id = '${binder}'`);
    expect(ids((found.Pages__r as { records: Rec[] }).records)).toEqual([publicPage]);
    const [insideBinder] = await query(
      inside,
      `SELECT Id, (SELECT Id FROM Pages__r) FROM Binder__c WHERE Id = '${binder}'`,
    );
    expect((insideBinder.Pages__r as { records: Rec[] }).records).toHaveLength(2);
  });

  it('hides them from aggregates and counts', async () => {
    expect((await outside.conn.query('SELECT COUNT() FROM Page__c')).totalSize).toBe(1);
    expect((await inside.conn.query('SELECT COUNT() FROM Page__c')).totalSize).toBe(2);
    const [row] = await query(outside, 'SELECT COUNT(Id) n FROM Page__c');
    expect(row.n).toBe(1);
  });

  it('hides them from SOSL', async () => {
    const search = async (user: TestUser): Promise<Rec[]> =>
      (
        (await user.conn.search('FIND {heron} IN ALL FIELDS RETURNING Page__c(Id)')) as unknown as {
          searchRecords: Rec[];
        }
      ).searchRecords;
    expect(ids(await search(outside))).toEqual([publicPage]);
    expect(await search(inside)).toHaveLength(2);
  });

  it('makes a restricted record not found through REST, for reading, editing and deleting', async () => {
    const path = dataPath(`/sobjects/Page__c/${privatePage}`);
    expect((await rawRequest(outside.conn, 'GET', path)).status).toBe(404);
    expect((await rawRequest(outside.conn, 'PATCH', path, { body: { Body__c: 'egret' } })).status).toBe(404);
    expect((await rawRequest(outside.conn, 'DELETE', path)).status).toBe(404);
    expect((await rawRequest(inside.conn, 'GET', path)).status).toBe(200);
    expect((await rawRequest(outside.conn, 'GET', dataPath(`/sobjects/Page__c/${publicPage}`))).status).toBe(200);
  });

  it('hides them from the UI API', async () => {
    const path = (id: string): string => dataPath(`/ui-api/records/${id}?fields=Page__c.Name`);
    expect((await rawRequest(outside.conn, 'GET', path(privatePage))).status).toBe(404);
    expect((await rawRequest(outside.conn, 'GET', path(publicPage))).status).toBe(200);
    expect((await rawRequest(inside.conn, 'GET', path(privatePage))).status).toBe(200);
  });

  it('hides them from GraphQL', async () => {
    const document = '{ uiapi { query { Page__c { edges { node { Id } } } } } }';
    const nodes = async (user: TestUser): Promise<string[]> => {
      const answer = await gql(user.conn, document);
      const edges = (answer.data as { uiapi: { query: { Page__c: { edges: { node: Rec }[] } } } }).uiapi.query.Page__c
        .edges;
      return ids(edges.map((e) => e.node));
    };
    expect(await nodes(outside)).toEqual([publicPage]);
    expect(await nodes(inside)).toHaveLength(2);
  });

  it('hides them from Bulk API 2.0 queries', async () => {
    expect(ids(await bulkQuery(outside.conn, 'SELECT Id FROM Page__c'))).toEqual([publicPage]);
    expect(await bulkQuery(inside.conn, 'SELECT Id FROM Page__c')).toHaveLength(2);
  });

  it('matches any value of a comma-separated list', async () => {
    const binders: Record<string, string> = {};
    for (const topic of ['Ferns, mosses', 'Fish', 'Rocks', 'Ferns']) {
      binders[topic] = (await owner.conn.sobject('Binder__c').create({ Name: topic, Topic__c: topic })).id!;
      for (const user of [outside, inside]) {
        await owner.conn
          .sobject('Binder__Share')
          .create({ ParentId: binders[topic], UserOrGroupId: user.id, AccessLevel: 'Read' });
      }
    }
    const shown = [binder, binders['Ferns, mosses'], binders.Fish].sort();
    expect(ids(await query(outside, 'SELECT Id FROM Binder__c'))).toEqual(shown);
    expect(await query(inside, 'SELECT Id FROM Binder__c')).toHaveLength(5);
  });

  it("compares with the running user's own values ($User.Id)", async () => {
    const mine = (await outside.conn.sobject('Leaflet__c').create({ Name: 'Mine' })).id!;
    const theirs = (await inside.conn.sobject('Leaflet__c').create({ Name: 'Theirs' })).id!;
    expect(ids(await query(outside, 'SELECT Id FROM Leaflet__c'))).toEqual([mine]);
    expect(ids(await query(inside, 'SELECT Id FROM Leaflet__c'))).toEqual([mine, theirs].sort());
    expect((await rawRequest(outside.conn, 'GET', dataPath(`/sobjects/Leaflet__c/${theirs}`))).status).toBe(404);
  });

  it('leaves users it does not apply to, and the admin, as sharing has them', async () => {
    expect((await t.conn.query('SELECT Id FROM Page__c')).records).toHaveLength(2);
    expect(await query(owner, 'SELECT Id FROM Note__c')).toHaveLength(2);
  });
});

describe('a master-detail field with writeRequiresMasterRead', () => {
  it('is described as Salesforce describes it', async () => {
    const fields = (await t.conn.sobject('Page__c').describe()).fields;
    expect(fields.find((f) => f.name === 'Binder__c')?.writeRequiresMasterRead).toBe(true);
    const noteFields = (await t.conn.sobject('Note__c').describe()).fields;
    expect(noteFields.find((f) => f.name === 'Page__c')?.writeRequiresMasterRead).toBe(false);
  });

  it('lets a user who only reads the master create, edit and delete its details', async () => {
    const created = await inside.conn.sobject('Page__c').create({ Name: 'Inside page', Binder__c: binder });
    expect(created.success).toBe(true);
    await inside.conn.sobject('Page__c').update({ Id: created.id!, Body__c: 'stork' });
    const [page] = await query(owner, `SELECT Body__c FROM Page__c WHERE Id = '${created.id}'`);
    expect(page.Body__c).toBe('stork');
    await inside.conn.sobject('Page__c').destroy(created.id!);
    expect(await query(owner, `SELECT Id FROM Page__c WHERE Id = '${created.id}'`)).toHaveLength(0);
  });

  it('still needs read access to the master', async () => {
    const error = await apiError(stranger.conn.sobject('Page__c').create({ Name: 'Stray', Binder__c: binder }));
    expect(error.errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
    const update = await rawRequest(stranger.conn, 'PATCH', dataPath(`/sobjects/Page__c/${publicPage}`), {
      body: { Body__c: 'egret' },
    });
    expect(update.status).toBe(404);
  });

  it('does not open the master itself to edits by a reader', async () => {
    const update = await rawRequest(inside.conn, 'PATCH', dataPath(`/sobjects/Binder__c/${binder}`), {
      body: { Topic__c: 'Fish' },
    });
    expect(update.status).toBe(400);
    expect((update.body as Rec[])[0].errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
  });
});

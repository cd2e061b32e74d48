/**
 * The standard fields a scratch org's Account, Contact, Opportunity and Lead have, through describe, writes
 * and SOQL: compound addresses (BillingAddress, MailingAddress, Lead's Address) are read-only structured values
 * built from their writable components, refused in WHERE, ORDER BY and GROUP BY; the other standard fields
 * (Fax, AccountNumber, Sic, Rating, CleanStatus, Salutation...) carry the platform's types, lengths and values.
 */
import type { DescribeSObjectResult, Field } from 'jsforce';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { queryError } from '../support/security';

let t: TestOrg;
let account: DescribeSObjectResult;
beforeAll(async () => {
  t = await startTestOrg();
  account = await t.conn.sobject('Account').describe();
});
afterAll(() => t.close());

const fieldOf = (describe: DescribeSObjectResult, name: string): Field => {
  const found = describe.fields.find((f) => f.name === name);
  if (!found) throw new Error(`${describe.name}.${name} is not described`);
  return found;
};

describe('describe', () => {
  it('describes the compound address and its components', () => {
    expect(fieldOf(account, 'BillingAddress')).toMatchObject({
      type: 'address',
      soapType: 'urn:address',
      compoundFieldName: null,
      createable: false,
      updateable: false,
      nillable: true,
      filterable: false,
      sortable: false,
      groupable: false,
    });
    for (const name of [
      'Street',
      'City',
      'State',
      'PostalCode',
      'Country',
      'Latitude',
      'Longitude',
      'GeocodeAccuracy',
    ]) {
      expect(fieldOf(account, `Billing${name}`)).toMatchObject({
        compoundFieldName: 'BillingAddress',
        createable: true,
        updateable: true,
      });
      expect(fieldOf(account, `Shipping${name}`).compoundFieldName).toBe('ShippingAddress');
    }
    expect(fieldOf(account, 'BillingStreet')).toMatchObject({ type: 'textarea', length: 255 });
    expect(fieldOf(account, 'BillingCity')).toMatchObject({ type: 'string', length: 40 });
    expect(fieldOf(account, 'BillingPostalCode')).toMatchObject({ type: 'string', length: 20 });
    expect(fieldOf(account, 'BillingLatitude')).toMatchObject({ type: 'double', precision: 18, scale: 15 });
    const accuracy = fieldOf(account, 'BillingGeocodeAccuracy');
    expect(accuracy).toMatchObject({ type: 'picklist', restrictedPicklist: true });
    expect(accuracy.picklistValues?.map((v) => v.value)).toContain('NearAddress');
  });

  it('describes the other standard Account fields with their types and values', () => {
    expect(fieldOf(account, 'Fax')).toMatchObject({ type: 'phone', length: 40, updateable: true });
    expect(fieldOf(account, 'AccountNumber')).toMatchObject({ type: 'string', length: 40 });
    expect(fieldOf(account, 'Sic')).toMatchObject({ type: 'string', length: 20 });
    expect(fieldOf(account, 'SicDesc')).toMatchObject({ type: 'string', length: 80 });
    expect(fieldOf(account, 'Site')).toMatchObject({ type: 'string', length: 80 });
    expect(fieldOf(account, 'TickerSymbol')).toMatchObject({ type: 'string', length: 20 });
    expect(fieldOf(account, 'Jigsaw')).toMatchObject({ type: 'string', length: 20 });
    expect(fieldOf(account, 'LastActivityDate')).toMatchObject({ type: 'date', createable: false, updateable: false });
    expect(fieldOf(account, 'Rating').picklistValues?.map((v) => v.value)).toEqual(['Hot', 'Warm', 'Cold']);
    expect(fieldOf(account, 'Ownership').picklistValues?.map((v) => v.value)).toEqual([
      'Public',
      'Private',
      'Subsidiary',
      'Other',
    ]);
    expect(fieldOf(account, 'AccountSource').picklistValues?.map((v) => v.value)).toContain('Partner Referral');
    expect(fieldOf(account, 'Industry').picklistValues?.map((v) => v.value)).toContain('Not For Profit');
    const clean = fieldOf(account, 'CleanStatus');
    expect(clean).toMatchObject({ type: 'picklist', restrictedPicklist: true });
    expect(clean.picklistValues?.find((v) => v.value === 'Pending')).toMatchObject({
      label: 'Not Compared',
      defaultValue: true,
    });
  });

  it('describes Contact, Opportunity and Lead standard fields', async () => {
    const contact = await t.conn.sobject('Contact').describe();
    expect(fieldOf(contact, 'MailingAddress').type).toBe('address');
    expect(fieldOf(contact, 'OtherCity').compoundFieldName).toBe('OtherAddress');
    expect(fieldOf(contact, 'Salutation').picklistValues?.map((v) => v.value)).toEqual(
      expect.arrayContaining(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']),
    );
    // A person's name parts are components of the Name compound.
    expect(fieldOf(contact, 'FirstName').compoundFieldName).toBe('Name');
    expect(fieldOf(contact, 'Salutation').compoundFieldName).toBe('Name');
    expect(fieldOf(contact, 'ReportsToId')).toMatchObject({ type: 'reference', referenceTo: ['Contact'] });
    expect(fieldOf(contact, 'Birthdate').type).toBe('date');
    expect(fieldOf(contact, 'DoNotCall')).toMatchObject({ type: 'boolean', nillable: false });
    const opportunity = await t.conn.sobject('Opportunity').describe();
    expect(fieldOf(opportunity, 'IsPrivate').type).toBe('boolean');
    expect(fieldOf(opportunity, 'TotalOpportunityQuantity').type).toBe('double');
    const lead = await t.conn.sobject('Lead').describe();
    expect(fieldOf(lead, 'Address').type).toBe('address');
    expect(fieldOf(lead, 'Street').compoundFieldName).toBe('Address');
    const user = await t.conn.sobject('User').describe();
    expect(fieldOf(user, 'Address').type).toBe('address');
    expect(fieldOf(user, 'MobilePhone').type).toBe('phone');
    const task = await t.conn.sobject('Task').describe();
    expect(fieldOf(task, 'CallType').picklistValues?.map((v) => v.value)).toEqual(['Internal', 'Inbound', 'Outbound']);
    // TaskSubtype is set on create only.
    expect(fieldOf(task, 'TaskSubtype')).toMatchObject({ createable: true, updateable: false });
  });
});

describe('records', () => {
  const billing = {
    BillingStreet: '1 Market St',
    BillingCity: 'San Francisco',
    BillingState: 'CA',
    BillingPostalCode: '94105',
    BillingCountry: 'USA',
    BillingLatitude: 37.7937,
    BillingLongitude: -122.3952,
    BillingGeocodeAccuracy: 'Address',
  };
  const expected = {
    city: 'San Francisco',
    country: 'USA',
    geocodeAccuracy: 'Address',
    latitude: 37.7937,
    longitude: -122.3952,
    postalCode: '94105',
    state: 'CA',
    street: '1 Market St',
  };
  let id: string;

  beforeAll(async () => {
    const created = await t.conn
      .sobject('Account')
      .create({ Name: 'Address Co', ...billing, Fax: '555-0100', AccountNumber: 'A-1', Rating: 'Hot', Sic: '7372' });
    id = created.success ? created.id : '';
  });

  it('reads the compound address as a structured value, null when empty', async () => {
    const record = await t.conn.sobject('Account').retrieve(id);
    expect(record.BillingAddress).toEqual(expected);
    expect(record.ShippingAddress).toBeNull();
    expect(record).toMatchObject({ Fax: '555-0100', AccountNumber: 'A-1', Rating: 'Hot', Sic: '7372' });
    const queried = await t.conn.query(`SELECT Name, BillingAddress, ShippingAddress FROM Account WHERE Id = '${id}'`);
    expect(queried.records[0]).toMatchObject({ BillingAddress: expected, ShippingAddress: null });
  });

  it('follows component updates', async () => {
    await t.conn.sobject('Account').update({ Id: id, BillingCity: 'Oakland', ShippingCountry: 'Canada' });
    const queried = await t.conn.query(`SELECT BillingAddress, ShippingAddress FROM Account WHERE Id = '${id}'`);
    expect(queried.records[0].BillingAddress).toEqual({ ...expected, city: 'Oakland' });
    expect(queried.records[0].ShippingAddress).toEqual({
      city: null,
      country: 'Canada',
      geocodeAccuracy: null,
      latitude: null,
      longitude: null,
      postalCode: null,
      state: null,
      street: null,
    });
  });

  it('refuses writes to the compound field', async () => {
    const error = (record: object): Promise<{ errorCode: string; message: string }> =>
      t.conn
        .sobject('Account')
        .create(record)
        .then(
          () => ({ errorCode: 'none', message: '' }),
          (e: { errorCode: string; message: string }) => e,
        );
    // The compound field is read-only: only its components are written.
    expect(await error({ Name: 'Bad', BillingAddress: 'Paris' })).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
    });
    expect((await error({ Name: 'Bad', BillingAddress: 'Paris' })).message).toContain('BillingAddress');
    // A structured value is not a field value at all.
    expect(await error({ Name: 'Bad', BillingAddress: { city: 'Paris' } })).toMatchObject({
      errorCode: 'JSON_PARSER_ERROR',
    });
  });

  it('refuses a compound field in WHERE, ORDER BY and GROUP BY', async () => {
    const where = await queryError(t.conn, `SELECT Id FROM Account WHERE BillingAddress != null`);
    expect(where.errorCode).toBe('INVALID_FIELD');
    expect(where.message).toContain("field 'BillingAddress' can not be filtered in a query call");
    const order = await queryError(t.conn, 'SELECT Id FROM Account ORDER BY BillingAddress');
    expect(order.message).toContain("field 'BillingAddress' can not be sorted in a query call");
    const group = await queryError(t.conn, 'SELECT BillingAddress FROM Account GROUP BY BillingAddress');
    expect(group.message).toContain("field 'BillingAddress' can not be grouped in a query call");
  });

  it('refuses a compound field in a Bulk API query, which selects components only', async () => {
    await expect(t.conn.bulk2.query('SELECT Id, BillingAddress FROM Account')).rejects.toMatchObject({
      message: 'Selecting compound data not supported in Bulk Query',
    });
  });

  it('searches return the compound value too', async () => {
    const found = await t.conn.search('FIND {Address Co} IN NAME FIELDS RETURNING Account(Name, BillingAddress)');
    expect(found.searchRecords[0]).toMatchObject({ Name: 'Address Co', BillingAddress: { street: '1 Market St' } });
  });

  it('filters on address components', async () => {
    const queried = await t.conn.query(`SELECT Id FROM Account WHERE BillingCity = 'Oakland' AND BillingLatitude > 37`);
    expect(queried.records.map((r) => r.Id)).toEqual([id]);
  });

  it('reads Contact and Lead addresses', async () => {
    const contact = await t.conn
      .sobject('Contact')
      .create({ LastName: 'Mailer', Salutation: 'Dr.', MailingCity: 'Lyon', OtherCountry: 'France' });
    const lead = await t.conn
      .sobject('Lead')
      .create({ LastName: 'Lead', Company: 'Co', City: 'Nice', Street: 'Rue 1' });
    const c = await t.conn.query(
      `SELECT Salutation, MailingAddress, OtherAddress FROM Contact WHERE Id = '${contact.id}'`,
    );
    expect(c.records[0]).toMatchObject({
      Salutation: 'Dr.',
      MailingAddress: { city: 'Lyon' },
      OtherAddress: { country: 'France' },
    });
    const l = await t.conn.query(`SELECT Address FROM Lead WHERE Id = '${lead.id}'`);
    expect(l.records[0].Address).toMatchObject({ city: 'Nice', street: 'Rue 1', country: null });
  });
});

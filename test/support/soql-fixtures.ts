/**
 * A local org in memory for SOQL tests: the real schema, rows inserted straight into storage with the
 * audit fields filled, and helpers that run a query to the end or expect Salesforce's error.
 */
import { API_VERSION, type FieldModel, type ForceAppModel } from '../../packages/model';
import { SalesforceError } from '../../packages/localorg/errors';
import { registerFormulaFunction } from '../../packages/localorg/formula';
import { compileSchema, type ObjectSchema } from '../../packages/localorg/schema';
import { executeSoql, type QueryCursor, type SfRecord, type SoqlOptions } from '../../packages/localorg/soql';
import type { Row, SqlValue } from '../../packages/localorg/sql';
import { Storage } from '../../packages/localorg/storage';
import { projectModel } from './project';

/** Tuesday 31 March 2026, 17:05 UTC: the last day of Q1 and of a month, in the middle of a week. */
export const NOW = new Date('2026-03-31T17:05:00.000Z');
export { API_VERSION };

type Value = SqlValue | boolean;

export interface QueryResult {
  totalSize: number;
  records: SfRecord[];
}

export class SoqlOrg {
  readonly storage: Storage;
  /** The user every record is created by (and owned by, unless a test says otherwise). */
  readonly adminId: string;

  constructor(model: ForceAppModel = projectModel()) {
    this.storage = new Storage(compileSchema(model), ':memory:', registerFormulaFunction);
    this.adminId = this.insert('User', { Username: 'admin@example.com', FirstName: 'Ada', LastName: 'Admin' });
  }

  object(name: string): ObjectSchema {
    const obj = this.storage.schema.objects.get(name);
    if (!obj) throw new Error(`no object ${name} in the schema`);
    return obj;
  }

  /** Inserts a record with its system fields filled; returns its Id. */
  insert(objectName: string, fields: Record<string, Value>): string {
    const obj = this.object(objectName);
    const id = this.storage.nextId(obj);
    const created = NOW.toISOString();
    // The admin user is the first record: it creates itself.
    const creator = (this.adminId as string | undefined) ?? id;
    const row: Row = {
      Id: id,
      IsDeleted: 0,
      CreatedDate: created,
      LastModifiedDate: created,
      SystemModstamp: created,
      CreatedById: creator,
      LastModifiedById: creator,
    };
    if (obj.fields.has('OwnerId')) row.OwnerId = this.adminId;
    if (objectName === 'User') {
      Object.assign(row, { Email: `${id}@example.com`, Alias: 'u', IsActive: 1, TimeZoneSidKey: 'GMT' });
    }
    for (const [name, value] of Object.entries(fields))
      row[name] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    if ((objectName === 'User' || objectName === 'Contact') && row.Name === undefined) {
      row.Name = [row.FirstName, row.LastName].filter(Boolean).join(' ');
    }
    this.storage.insertRow(obj, row);
    return id;
  }

  /** Moves a record to the recycle bin. */
  softDelete(objectName: string, id: string): void {
    this.storage.db.prepare(`UPDATE "${this.object(objectName).table}" SET "IsDeleted" = 1 WHERE "Id" = ?`).run(id);
  }

  cursor(soql: string, options: Partial<SoqlOptions> = {}): QueryCursor {
    return executeSoql(this.storage, soql, { includeDeleted: false, now: NOW, apiVersion: API_VERSION, ...options });
  }

  /** Runs a query and reads every page. */
  query(soql: string, options: Partial<SoqlOptions> = {}): QueryResult {
    const cursor = this.cursor(soql, options);
    const records: SfRecord[] = [];
    for (let page = cursor.next(2000); page.length; page = cursor.next(2000)) records.push(...page);
    return { totalSize: cursor.totalSize, records };
  }

  /** The records of a query. */
  records(soql: string, options: Partial<SoqlOptions> = {}): SfRecord[] {
    return this.query(soql, options).records;
  }

  /** One field of every record, in order. */
  column(soql: string, field: string, options: Partial<SoqlOptions> = {}): unknown[] {
    return this.records(soql, options).map((r) => r[field]);
  }

  /** The SalesforceError a query fails with (fails the test if it does not). */
  error(soql: string, options: Partial<SoqlOptions> = {}): SalesforceError {
    try {
      this.query(soql, options);
    } catch (e) {
      if (e instanceof SalesforceError) return e;
      throw e;
    }
    throw new Error(`expected the query to fail: ${soql}`);
  }
}

/** The url a record of this type and Id has in query results. */
export const recordUrl = (type: string, id: string): string => `/services/data/v${API_VERSION}/sobjects/${type}/${id}`;

/** A copy of the project's model with one more field, for field types the project does not use yet. */
export function modelWithField(
  field: Pick<FieldModel, 'objectApiName' | 'apiName' | 'type'> & Partial<FieldModel>,
): ForceAppModel {
  const model = projectModel();
  const objects = new Map(model.objects);
  const obj = objects.get(field.objectApiName);
  if (!obj) throw new Error(`no object ${field.objectApiName}`);
  const full: FieldModel = {
    label: field.apiName,
    custom: true,
    required: false,
    unique: false,
    externalId: false,
    caseSensitive: false,
    systemManaged: false,
    ...field,
  };
  objects.set(obj.apiName, { ...obj, fields: new Map([...obj.fields, [full.apiName, full]]) });
  return { ...model, objects };
}

/**
 * A small sales org: three users (Bea reports to Carl), three accounts, contacts and opportunities with
 * amounts, stages and close dates around NOW.
 */
export function salesOrg() {
  const org = new SoqlOrg();
  const carl = org.insert('User', { Username: 'carl@example.com', FirstName: 'Carl', LastName: 'Chief' });
  const bea = org.insert('User', {
    Username: 'bea@example.com',
    FirstName: 'Bea',
    LastName: 'Seller',
    ManagerId: carl,
  });
  const acme = org.insert('Account', {
    Name: 'Acme',
    Industry: 'Technology',
    OwnerId: bea,
    AnnualRevenue: 5000000,
    NumberOfEmployees: 120,
  });
  const globex = org.insert('Account', {
    Name: 'Globex',
    Industry: 'Banking',
    OwnerId: carl,
    ParentId: acme,
    NumberOfEmployees: 40,
  });
  const initech = org.insert('Account', { Name: 'initech', Industry: null, OwnerId: bea });
  const contacts = {
    wile: org.insert('Contact', { FirstName: 'Wile', LastName: 'Coyote', AccountId: acme, Email: 'wile@acme.test' }),
    road: org.insert('Contact', { FirstName: 'Road', LastName: 'Runner', AccountId: acme }),
    hank: org.insert('Contact', { FirstName: 'Hank', LastName: 'Scorpio', AccountId: globex }),
    lone: org.insert('Contact', { FirstName: null, LastName: 'Loner', AccountId: null }),
  };
  const opp = (
    Name: string,
    AccountId: string | null,
    Amount: number | null,
    StageName: string,
    CloseDate: string,
    extra: Record<string, Value> = {},
  ) =>
    org.insert('Opportunity', {
      Name,
      AccountId,
      Amount,
      StageName,
      CloseDate,
      IsClosed: StageName.startsWith('Closed'),
      IsWon: StageName === 'Closed Won',
      OwnerId: bea,
      ...extra,
    });
  const opportunities = {
    big: opp('Acme Big Deal', acme, 100000, 'Closed Won', '2026-03-15', { Probability: 100 }),
    small: opp('Acme Small Deal', acme, 2500.5, 'Prospecting', '2026-04-10', { Probability: 10 }),
    lost: opp('Globex Renewal', globex, 40000, 'Closed Lost', '2025-12-20', { OwnerId: carl, Probability: 0 }),
    open: opp('Globex Expansion', globex, null, 'Negotiation/Review', '2026-06-30', { OwnerId: carl }),
    orphan: opp('No Account', null, 700, 'Qualification', '2026-03-31'),
  };
  return {
    org,
    users: { admin: org.adminId, carl, bea },
    accounts: { acme, globex, initech },
    contacts,
    opportunities,
  };
}

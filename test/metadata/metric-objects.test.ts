/**
 * The objects behind the training, certification and joint investment metrics (partner credentials and
 * market development funds) and who may do what with them; and, for every metric of the catalog, that the
 * rollup user can read each custom object and field the metric's query names, or the metric would fail (or,
 * worse, count nothing) in a real org where field-level security applies.
 */
import { findField, findObject, type FieldModel, type ObjectModel } from '../../packages/model';
import { picklistValues, projectField, projectModel, projectObject, projectPermissionSet } from '../support/project';

const object = projectObject;
const field = projectField;
const permissionSet = projectPermissionSet;
const values = picklistValues;
const model = projectModel();

const NEW_OBJECTS = ['Partner_Credential__c', 'Fund_Allocation__c', 'Fund_Request__c', 'Fund_Claim__c'];

describe('partner credentials', () => {
  it("are courses and certifications of a partner's contact, readable by everyone in the program", () => {
    expect(object('Partner_Credential__c')).toMatchObject({ sharingModel: 'Read', nameIsAutoNumber: true });
    for (const [name, target] of [
      ['Contact__c', 'Contact'],
      ['Partner_Account__c', 'Account'],
    ]) {
      expect(field('Partner_Credential__c', name)).toMatchObject({
        type: 'Lookup',
        referenceTo: [target],
        required: true,
        deleteConstraint: 'Restrict',
      });
    }
    expect(values(field('Partner_Credential__c', 'Credential_Type__c'))).toEqual(['Course', 'Certification']);
    expect(field('Partner_Credential__c', 'Completed_Date__c')).toMatchObject({ type: 'Date', required: true });
    expect(field('Partner_Credential__c', 'Expiry_Date__c')).toMatchObject({ type: 'Date', required: false });
    expect(field('Partner_Credential__c', 'Status__c').formula).toMatch(/Expiry_Date__c\s*<\s*TODAY\(\)/);
    expect(field('Partner_Credential__c', 'External_Key__c')).toMatchObject({ externalId: true, unique: true });
  });
});

describe('market development funds', () => {
  it('are allocations with requests (master-detail) and their claims (master-detail)', () => {
    expect(object('Fund_Allocation__c').sharingModel).toBe('Read');
    expect(field('Fund_Request__c', 'Fund_Allocation__c')).toMatchObject({
      type: 'MasterDetail',
      referenceTo: ['Fund_Allocation__c'],
    });
    expect(field('Fund_Claim__c', 'Fund_Request__c')).toMatchObject({
      type: 'MasterDetail',
      referenceTo: ['Fund_Request__c'],
    });
    for (const name of ['Fund_Request__c', 'Fund_Claim__c']) {
      expect(object(name).sharingModel).toBe('ControlledByParent');
    }
    for (const name of NEW_OBJECTS.slice(1)) {
      expect(field(name, 'Partner_Account__c')).toMatchObject({ referenceTo: ['Account'], required: true });
    }
    expect(values(field('Fund_Request__c', 'Status__c'))).toEqual(['Submitted', 'Approved', 'Rejected']);
    expect(values(field('Fund_Claim__c', 'Status__c'))).toEqual(['Submitted', 'Approved', 'Paid', 'Rejected']);
    for (const [name, money] of [
      ['Fund_Allocation__c', 'Amount__c'],
      ['Fund_Request__c', 'Approved_Amount__c'],
      ['Fund_Claim__c', 'Paid_Amount__c'],
    ]) {
      expect(field(name, money).type).toBe('Currency');
    }
  });
});

describe('permission sets on credentials and funds', () => {
  it.each(NEW_OBJECTS)('%s: partner managers create and edit (no delete), AEs read, the rollup reads all', (name) => {
    expect(permissionSet('Partner_Manager').objectPermissions.get(name)).toMatchObject({
      allowCreate: true,
      allowRead: true,
      allowEdit: true,
      allowDelete: false,
      viewAllRecords: false,
      modifyAllRecords: false,
    });
    expect(permissionSet('Account_Executive').objectPermissions.get(name)).toMatchObject({
      allowCreate: false,
      allowRead: true,
      allowEdit: false,
      allowDelete: false,
    });
    expect(permissionSet('Partner_Planning_Rollup').objectPermissions.get(name)).toMatchObject({
      allowCreate: false,
      allowRead: true,
      allowEdit: false,
      allowDelete: false,
      viewAllRecords: true,
    });
    expect(permissionSet('Partner_Planning_Admin').objectPermissions.get(name)).toMatchObject({
      allowCreate: true,
      allowDelete: true,
      modifyAllRecords: true,
    });
  });

  it('nobody edits a formula, and nobody but admins edits an external key', () => {
    for (const ps of model.permissionSets.values()) {
      for (const name of ['Partner_Credential__c.Status__c', 'Opportunity.Days_To_Close__c', 'Lead.Days_To_Convert__c'])
        expect([ps.name, name, ps.fieldPermissions.get(name)?.editable ?? false]).toEqual([ps.name, name, false]);
      for (const obj of NEW_OBJECTS) {
        const key = `${obj}.External_Key__c`;
        const editable = ps.fieldPermissions.get(key)?.editable ?? false;
        expect([ps.name, key, editable]).toEqual([ps.name, key, ps.name === 'Partner_Planning_Admin']);
      }
    }
  });
});

/** The objects and custom fields along a field path from an object (`Opportunity.Partner_Account__c`). */
function pathFields(from: ObjectModel, path: string): { obj: ObjectModel; field: FieldModel }[] {
  const steps: { obj: ObjectModel; field: FieldModel }[] = [];
  let current = from;
  const parts = path.split('.');
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const f = last
      ? findField(current, part)
      : [...current.fields.values()].find(
          (c) =>
            c.referenceTo?.length &&
            (c.custom ? c.apiName.replace(/__c$/, '__r') : c.relationshipName)?.toLowerCase() === part.toLowerCase(),
        );
    if (!f) throw new Error(`${current.apiName} has no ${part}`);
    steps.push({ obj: current, field: f });
    if (!last) current = findObject(model, f.referenceTo?.[0] ?? '') ?? current;
  }
  return steps;
}

describe('the rollup user reads what every metric reads', () => {
  const rollup = permissionSet('Partner_Planning_Rollup');
  const metrics = model.customMetadataRecords.filter(
    (r) => r.type === 'Plan_Metric__mdt' && r.values.Aggregate__c !== 'RATIO',
  );

  it.each(metrics.map((m) => [m.developerName, m] as const))('%s', (_name, metric) => {
    const source = findObject(model, String(metric.values.Source_Object__c));
    if (!source) throw new Error(`no source object ${String(metric.values.Source_Object__c)}`);
    const paths: [ObjectModel, string][] = [
      'Value_Field__c',
      'Date_Field__c',
      'Partner_Path__c',
      'Person_Path__c',
      'Customer_Path__c',
    ]
      .map((key) => metric.values[key])
      .filter((p): p is string => typeof p === 'string' && p !== '')
      .map((p) => [source, p]);
    // Filters name fields of the source object and its parents (every dotted name that ends in a custom
    // field), and of the objects their semi-joins select from.
    const names = (text: string): string[] => text.match(/\b[A-Za-z]\w*(?:\.[A-Za-z]\w*)*__c\b/g) ?? [];
    let filter = typeof metric.values.Filter__c === 'string' ? metric.values.Filter__c : '';
    for (const join of filter.matchAll(/\(\s*SELECT\s+([^()]*?)\s+FROM\s+(\w+)([^()]*)\)/gi)) {
      const inner = findObject(model, join[2]);
      if (!inner) throw new Error(`no object ${join[2]}`);
      paths.push(...names(`${join[1]} ${join[3]}`).map((p): [ObjectModel, string] => [inner, p]));
      filter = filter.replace(join[0], '');
    }
    paths.push(...names(filter).map((p): [ObjectModel, string] => [source, p]));
    const unreadable: string[] = [];
    for (const [from, path] of paths) {
      for (const { obj, field: f } of pathFields(from, path)) {
        if (obj.kind === 'custom' && !rollup.objectPermissions.get(obj.apiName)?.allowRead)
          unreadable.push(obj.apiName);
        // Universally required fields (required, master-detail) have no field-level security.
        if (f.custom && !f.required && !rollup.fieldPermissions.get(`${obj.apiName}.${f.apiName}`)?.readable)
          unreadable.push(`${obj.apiName}.${f.apiName}`);
      }
    }
    expect(unreadable).toEqual([]);
  });
});

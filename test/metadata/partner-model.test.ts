/**
 * The partner side of the data model and its permissions: the comment thread both sides share, the fields a
 * partner's acceptance and change request write, the "Visible to partner" flag with the restriction rules that
 * enforce it, and the Partner_User permission set, which must give partner users exactly what the portal needs
 * and nothing internal (SWOT, budgets, external keys, APR actions, rollup runs, funds, credentials).
 */
import { basename, join } from 'node:path';
import { readMetadataXml, REPO_ROOT } from '../../packages/model';
import { readSharingReasons } from '../../packages/model/sharing-reasons';
import { listFiles } from '../../packages/model/xml';
import { projectField, projectModel, projectObject, projectPermissionSet } from '../support/project';

const field = projectField;
const object = projectObject;
const permissionSet = projectPermissionSet;

const ruleNames = (obj: string): string[] => object(obj).validationRules.map((r) => r.name);
const rule = (obj: string, name: string) => object(obj).validationRules.find((r) => r.name === name);

describe('Plan Comment', () => {
  it('is a detail of the plan that whoever reads the plan may write, numbered PC-000001', () => {
    const comment = object('Plan_Comment__c');
    expect(comment).toMatchObject({
      label: 'Plan Comment',
      sharingModel: 'ControlledByParent',
      externalSharingModel: 'ControlledByParent',
      nameIsAutoNumber: true,
    });
    expect(field('Plan_Comment__c', 'Name').autoNumberFormat).toBe('PC-{000000}');
    expect(field('Plan_Comment__c', 'Partner_Account_Plan__c')).toMatchObject({
      type: 'MasterDetail',
      referenceTo: ['Partner_Account_Plan__c'],
      relationshipName: 'Plan_Comments',
      writeRequiresMasterRead: true,
    });
  });

  it('may name a target of its plan, and has a required body and an internal-only flag', () => {
    expect(field('Plan_Comment__c', 'Plan_Target__c')).toMatchObject({
      type: 'Lookup',
      referenceTo: ['Plan_Target__c'],
      relationshipName: 'Plan_Comments',
      deleteConstraint: 'SetNull',
      required: false,
    });
    expect(field('Plan_Comment__c', 'Body__c')).toMatchObject({ type: 'LongTextArea', length: 4000, visibleLines: 4 });
    expect(field('Plan_Comment__c', 'Internal_Only__c')).toMatchObject({ type: 'Checkbox', defaultValue: 'false' });
    expect(ruleNames('Plan_Comment__c').sort()).toEqual(
      expect.arrayContaining(['Comment_Body_Required', 'Comment_Locked', 'Comment_Target_In_Plan']),
    );
    expect(rule('Plan_Comment__c', 'Comment_Body_Required')?.errorDisplayField).toBe('Body__c');
    expect(rule('Plan_Comment__c', 'Comment_Target_In_Plan')?.errorDisplayField).toBe('Plan_Target__c');
  });

  it('has a page layout and a compact layout that show who wrote it and when', () => {
    const layout = projectModel().layouts.find((l) => l.object === 'Plan_Comment__c');
    expect(layout?.fullName).toBe('Plan_Comment__c-Plan Comment Layout');
    expect(object('Plan_Comment__c').compactLayouts[0]?.fields).toEqual(
      expect.arrayContaining(['Partner_Account_Plan__c', 'Plan_Target__c', 'CreatedById', 'CreatedDate']),
    );
  });
});

describe('the partner fields of plans and sections', () => {
  it('records who at the partner accepted a plan and why changes were requested', () => {
    expect(field('Partner_Account_Plan__c', 'Accepted_By_Contact__c')).toMatchObject({
      type: 'Lookup',
      referenceTo: ['Contact'],
      relationshipName: 'Accepted_Plans',
      deleteConstraint: 'SetNull',
    });
    expect(field('Partner_Account_Plan__c', 'Change_Request_Reason__c')).toMatchObject({
      type: 'LongTextArea',
      length: 4000,
    });
    expect(field('Partner_Account_Plan__c', 'Changes_Requested_On__c').type).toBe('DateTime');
    expect(field('Partner_Account_Plan__c', 'Changes_Requested_By__c')).toMatchObject({
      type: 'Lookup',
      referenceTo: ['User'],
      relationshipName: 'Requested_Plan_Changes',
    });
    expect(rule('Partner_Account_Plan__c', 'Acceptance_Fields_Locked')?.formula).toMatch(
      /ISCHANGED\(Accepted_By_Contact__c\)/,
    );
    expect(rule('Partner_Account_Plan__c', 'Change_Request_Needs_Reason')?.errorDisplayField).toBe(
      'Change_Request_Reason__c',
    );
  });

  it('shares plans with the partner under their own sharing reason', () => {
    expect(readSharingReasons(object('Partner_Account_Plan__c'))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Shared_With_Partner__c', label: 'Shared with partner' }),
      ]),
    );
  });

  it('shows sections to the partner unless they are marked internal', () => {
    expect(field('Plan_Section__c', 'Visible_To_Partner__c')).toMatchObject({
      type: 'Checkbox',
      label: 'Visible to partner',
      defaultValue: 'true',
    });
  });
});

describe("the partner users' rules", () => {
  it.each([
    ['Partner_Account_Plan__c', 'Partner_Status_Changes'],
    ['Partner_Account_Plan__c', 'Partner_Acceptance_Stamp'],
    ['Partner_Account_Plan__c', 'Partner_Plan_Fields_Locked'],
    ['Plan_Target__c', 'Partner_Target_Fields_Locked'],
    ['Plan_Comment__c', 'Partners_Cannot_Post_Internal'],
  ])('%s.%s applies to users with a contact (partner users) only', (obj, name) => {
    expect(rule(obj, name)?.active).toBe(true);
    expect(rule(obj, name)?.formula).toMatch(/^AND\(NOT\(ISBLANK\(\$User\.ContactId\)\), /);
  });
});

describe('restriction rules', () => {
  it('hide internal comments, sections and their targets from partner users', () => {
    // Read from the files, as the Metadata API deploys them (the local org's enforcement has its own tests).
    const dir = join(REPO_ROOT, 'force-app', 'main', 'default', 'restrictionRules');
    const rules = listFiles(dir, '.rule-meta.xml').map((path) => {
      const r = readMetadataXml(path, 'RestrictionRule');
      return {
        name: basename(path, '.rule-meta.xml'),
        active: r.active === 'true',
        enforcementType: r.enforcementType,
        targetEntity: r.targetEntity,
        userCriteria: r.userCriteria,
        recordFilter: r.recordFilter,
      };
    });
    const partners = "$User.UserType = 'PowerPartner'";
    expect(rules.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      {
        name: 'Partner_Users_See_Shared_Comments',
        active: true,
        enforcementType: 'Restrict',
        targetEntity: 'Plan_Comment__c',
        userCriteria: partners,
        recordFilter: 'Internal_Only__c = false',
      },
      {
        name: 'Partner_Users_See_Shared_Sections',
        active: true,
        enforcementType: 'Restrict',
        targetEntity: 'Plan_Section__c',
        userCriteria: partners,
        recordFilter: 'Visible_To_Partner__c = true',
      },
      {
        name: 'Partner_Users_See_Shared_Targets',
        active: true,
        enforcementType: 'Restrict',
        targetEntity: 'Plan_Target__c',
        userCriteria: partners,
        recordFilter: 'Plan_Section__r.Visible_To_Partner__c = true',
      },
    ]);
  });
});

const READ = { readable: true, editable: false };
const EDIT = { readable: true, editable: true };

describe('Partner_User permission set', () => {
  const ps = permissionSet('Partner_User');

  it('reads plans, sections and targets, edits plans and targets, and posts comments: nothing else', () => {
    const objects = Object.fromEntries(
      [...ps.objectPermissions].map(([name, p]) => [
        name,
        [p.allowRead, p.allowCreate, p.allowEdit, p.allowDelete, p.viewAllRecords, p.modifyAllRecords],
      ]),
    );
    expect(objects).toEqual({
      Partner_Account_Plan__c: [true, false, true, false, false, false],
      Plan_Section__c: [true, false, false, false, false, false],
      Plan_Target__c: [true, false, true, false, false, false],
      Plan_Comment__c: [true, true, false, false, false, false],
    });
    expect(ps.label).toBe('Partner User');
    expect(ps.description).toMatch(/partner users/i);
    expect(ps.tabs).toEqual([]);
    expect(ps.applications).toEqual([]);
    expect(ps.userPermissions.size).toBe(0);
  });

  it('edits only the acceptance and change-request fields of a plan, and never sees its internal ones', () => {
    const plan = (name: string) => ps.fieldPermissions.get(`Partner_Account_Plan__c.${name}`);
    for (const name of [
      'Status__c',
      'Version__c',
      'Accepted_By__c',
      'Accepted_On__c',
      'Accepted_By_Contact__c',
      'Change_Request_Reason__c',
      'Changes_Requested_On__c',
      'Changes_Requested_By__c',
    ]) {
      expect([name, plan(name)]).toEqual([name, EDIT]);
    }
    for (const name of ['Vision__c', 'Strategic_Priorities__c', 'Overall_Attainment__c', 'Partner_Contact__c']) {
      expect([name, plan(name)]).toEqual([name, READ]);
    }
    for (const name of [
      'Strengths__c',
      'Weaknesses__c',
      'Opportunities__c',
      'Threats__c',
      'Budget__c',
      'Actual_Cost__c',
      'External_Key__c',
    ]) {
      expect([name, plan(name)]).toEqual([name, undefined]);
    }
  });

  it('edits no target field but the baseline it stamps on acceptance, and reads no external key', () => {
    const editable = [...ps.fieldPermissions].filter(([, p]) => p.editable).map(([name]) => name);
    expect(editable.filter((name) => !name.startsWith('Partner_Account_Plan__c.')).sort()).toEqual([
      'Plan_Comment__c.Body__c',
      'Plan_Comment__c.Plan_Target__c',
      'Plan_Target__c.Baseline_Target_Value__c',
    ]);
    expect(ps.fieldPermissions.get('Plan_Comment__c.Internal_Only__c')).toEqual(READ);
    expect(ps.fieldPermissions.get('Plan_Section__c.Visible_To_Partner__c')).toEqual(READ);
    expect([...ps.fieldPermissions.keys()].filter((name) => /External_Key__c|Accountable_/.test(name))).toEqual([]);
    expect(
      [...ps.fieldPermissions.keys()].filter(
        (name) => !/^(Partner_Account_Plan|Plan_Section|Plan_Target|Plan_Comment)__c\./.test(name),
      ),
    ).toEqual([]);
  });
});

describe('comment access of the internal permission sets', () => {
  it.each(['Partner_Manager', 'Account_Executive'])(
    '%s reads and posts comments, never edits or deletes them',
    (name) => {
      const ps = permissionSet(name);
      expect(ps.objectPermissions.get('Plan_Comment__c')).toMatchObject({
        allowRead: true,
        allowCreate: true,
        allowEdit: false,
        allowDelete: false,
        viewAllRecords: false,
        modifyAllRecords: false,
      });
      for (const f of ['Body__c', 'Plan_Target__c', 'Internal_Only__c']) {
        expect([f, ps.fieldPermissions.get(`Plan_Comment__c.${f}`)]).toEqual([f, EDIT]);
      }
      for (const f of ['Change_Request_Reason__c', 'Changes_Requested_On__c', 'Changes_Requested_By__c']) {
        expect([f, ps.fieldPermissions.get(`Partner_Account_Plan__c.${f}`)]).toEqual([f, READ]);
      }
    },
  );

  it("partner managers, who accept plans in the editor, clear a partner's earlier acceptance contact; AEs read it", () => {
    const key = 'Partner_Account_Plan__c.Accepted_By_Contact__c';
    expect(permissionSet('Partner_Manager').fieldPermissions.get(key)).toEqual(EDIT);
    expect(permissionSet('Account_Executive').fieldPermissions.get(key)).toEqual(READ);
  });

  it('partner managers choose which sections the partner sees; account executives read it', () => {
    expect(permissionSet('Partner_Manager').fieldPermissions.get('Plan_Section__c.Visible_To_Partner__c')).toEqual(
      EDIT,
    );
    expect(permissionSet('Account_Executive').fieldPermissions.get('Plan_Section__c.Visible_To_Partner__c')).toEqual(
      READ,
    );
  });

  it('admins have everything on comments and edit the new fields; the rollup user has no comment access', () => {
    const admin = permissionSet('Partner_Planning_Admin');
    expect(admin.objectPermissions.get('Plan_Comment__c')).toMatchObject({
      allowRead: true,
      allowCreate: true,
      allowEdit: true,
      allowDelete: true,
      viewAllRecords: true,
      modifyAllRecords: true,
    });
    for (const f of [
      'Partner_Account_Plan__c.Accepted_By_Contact__c',
      'Partner_Account_Plan__c.Change_Request_Reason__c',
      'Partner_Account_Plan__c.Changes_Requested_On__c',
      'Partner_Account_Plan__c.Changes_Requested_By__c',
      'Plan_Section__c.Visible_To_Partner__c',
    ]) {
      expect([f, admin.fieldPermissions.get(f)]).toEqual([f, EDIT]);
    }
    expect(permissionSet('Partner_Planning_Rollup').objectPermissions.get('Plan_Comment__c')).toBeUndefined();
  });
});

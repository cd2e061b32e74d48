/**
 * Restriction rules in the model and its checks: the fixture project's rules are read and pass; a copy with
 * broken rules (unknown or unsupported object, unknown enforcement type, userCriteria and recordFilter naming
 * fields that do not exist, a third active rule on an object; an inactive one does not count) fails with a
 * message per problem, and a deploy to the local org fails on them.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateProject } from '../../packages/localorg/metadata-api/validate';
import { expandValueLists, loadForceApp } from '../../packages/model';
import { checkRestrictionRules } from '../../packages/model/checks';
import { FIXTURES } from '../support/project';

const FIXTURE = join(FIXTURES, 'localorg-restriction-rules');

function rule(fields: Record<string, string>): string {
  const body = Object.entries({
    active: 'true',
    description: 'A rule',
    enforcementType: 'Restrict',
    masterLabel: 'A rule',
    recordFilter: 'Public__c = true',
    targetEntity: 'Page__c',
    userCriteria: "$User.Department = 'Outside'",
    version: '1',
    ...fields,
  })
    .map(([name, value]) => `    <${name}>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${name}>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8" ?>\n<RestrictionRule xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</RestrictionRule>\n`;
}

describe('restriction rules', () => {
  it('are read into the model with their fields', () => {
    const model = loadForceApp({ root: FIXTURE });
    expect(model.restrictionRules.find((r) => r.name === 'Outside_Users_See_Notes_On_Public_Pages')).toMatchObject({
      active: true,
      enforcementType: 'Restrict',
      recordFilter: 'Page__r.Public__c = true',
      targetEntity: 'Note__c',
      userCriteria: "$User.Department = 'Outside'",
      version: 1,
    });
    expect(checkRestrictionRules(model)).toEqual([]);
  });

  it('are checked as a deploy checks them', () => {
    const root = mkdtempSync(join(tmpdir(), 'restriction-rules-'));
    try {
      cpSync(FIXTURE, root, { recursive: true });
      const dir = join(root, 'force-app', 'main', 'default', 'restrictionRules');
      const write = (name: string, fields: Record<string, string>): void =>
        writeFileSync(join(dir, `${name}.rule-meta.xml`), rule(fields));
      write('Nowhere', { targetEntity: 'Nowhere__c' });
      write('On_Accounts', { targetEntity: 'Account', recordFilter: "Name = 'x'" });
      write('Odd_Type', { targetEntity: 'Leaflet__c', recordFilter: "Name = 'x'", enforcementType: 'Hide' });
      write('Bad_User_Field', {
        targetEntity: 'Binder__c',
        recordFilter: 'OwnerId = $User.Nickname__c',
        userCriteria: '$User.Shoe_Size__c = 12',
      });
      write('Bad_Record_Field', { targetEntity: 'Note__c', recordFilter: 'Colour__c = true' });
      // Inactive rules are checked too.
      write('Unparsed_Criteria', {
        targetEntity: 'Leaflet__c',
        recordFilter: "Name = 'x'",
        userCriteria: 'IsActive',
        active: 'false',
      });
      write('Second_On_Pages', {});
      write('Third_On_Pages', { active: 'false' });
      write('Fourth_On_Pages', {});
      const messages = checkRestrictionRules(loadForceApp({ root })).map((p) => `${p.file}: ${p.message}`);
      const file = (name: string): string => `force-app/main/default/restrictionRules/${name}.rule-meta.xml`;
      expect(messages).toEqual(
        expect.arrayContaining([
          `${file('Nowhere')}: targetEntity Nowhere__c does not exist`,
          `${file('On_Accounts')}: targetEntity Account does not support restriction rules`,
          `${file('Odd_Type')}: enforcementType Hide is not Restrict or Scoping`,
          `${file('Bad_User_Field')}: userCriteria: User.Shoe_Size__c does not exist`,
          `${file('Bad_User_Field')}: recordFilter: User.Nickname__c does not exist`,
          `${file('Bad_Record_Field')}: recordFilter: SOQL field Colour__c: Note__c.Colour__c does not exist`,
          `${file('Unparsed_Criteria')}: userCriteria must compare $User fields with values (field = value), not: IsActive`,
          expect.stringMatching(/: Page__c has 3 active restriction rules; Developer Edition allows 2 \(/),
        ]),
      );
      expect(messages).toHaveLength(8);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('read a value list as any of its values', () => {
    expect(expandValueLists("Name__c='Tom, Anita, \u201cTorres, Jia\u201d'")).toBe(
      "Name__c IN ('Tom', 'Anita', 'Torres, Jia')",
    );
    expect(expandValueLists(`Topic__c != 'O\\'Neil, "A, B"' AND Body__c = 'plain'`)).toBe(
      "Topic__c NOT IN ('O\\'Neil', 'A, B') AND Body__c = 'plain'",
    );
  });

  it("fail a deploy to the local org with the checks' problems", () => {
    const root = mkdtempSync(join(tmpdir(), 'restriction-rules-'));
    try {
      cpSync(FIXTURE, root, { recursive: true });
      const load = (dir: string) => loadForceApp({ root: dir });
      expect(validateProject(root, load).problems).toEqual([]);
      const file = join('force-app', 'main', 'default', 'restrictionRules', 'Bad_Record_Field.rule-meta.xml');
      writeFileSync(join(root, file), rule({ targetEntity: 'Note__c', recordFilter: 'Colour__c = true' }));
      expect(validateProject(root, load).problems).toEqual([
        { file, problem: 'recordFilter: SOQL field Colour__c: Note__c.Colour__c does not exist' },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

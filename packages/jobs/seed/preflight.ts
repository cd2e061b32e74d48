/**
 * What the seed reads and checks before it writes anything: the org's facts (its id and fiscal calendar), and
 * that the running user can write every object and field the dataset gives, so a bad setup fails with one
 * clear message and nothing half-written.
 */
import type { JsonMap } from '@salesforce/ts-types';
import type { OrgSession } from '../connection';
import { readFiscalCalendar, type FiscalCalendar } from '../fiscal';
import { expectString, optionalNumber, queryPage } from '../response';
import { DATED_OBJECTS, SEED_AUDIT_FIELDS } from './created';
import { EXTERNAL_KEY, SeedSetupError } from './load';
import { NATURAL_KEYS } from './natural-keys';
import { PROGRAMME_OBJECTS } from './programme';
import type { SeedDataset, SeedRecord } from './records';

interface OrgFacts {
  organizationId: string;
  fiscalYearStartMonth: number;
  /** The org's fiscal calendar: start month, year naming and custom fiscal years. */
  calendar: FiscalCalendar;
}

/** What the seed needs from the org; read before anything is written. */
export async function readOrgFacts(session: OrgSession): Promise<OrgFacts> {
  const where = 'the Organization query response';
  const result = await session.conn.query<JsonMap>('SELECT Id, FiscalYearStartMonth FROM Organization');
  const org = queryPage<JsonMap>(result, where).records[0];
  if (!org) throw new SeedSetupError('The org returned no Organization record.');
  const calendar = await readFiscalCalendar(session);
  return {
    organizationId: expectString(org, 'Id', `${where}: records[0]`),
    fiscalYearStartMonth: optionalNumber(org, 'FiscalYearStartMonth', `${where}: records[0]`) ?? 1,
    calendar,
  };
}

export interface SeedAccess {
  /** Per object, the fields that can be set on create but never updated (master-detail, audit fields). */
  createOnly: Map<string, string[]>;
  /** Per object, the audit fields the dataset gives that the running user cannot set: loaded without them. */
  leftOut: Map<string, string[]>;
}

/**
 * Fails with one clear message listing every object or field the running user cannot write (but the audit
 * fields, which the load leaves out where the org does not take them).
 */
export async function checkAccess(session: OrgSession, dataset: SeedDataset): Promise<SeedAccess> {
  const problems: string[] = [];
  const createOnly = new Map<string, string[]>();
  const leftOut = new Map<string, string[]>();
  // A sample record of each object the chunks load: the first partner's (generated alone, cheaply).
  const samples = new Map<string, SeedRecord>();
  for (const chunk of dataset.chunks(1)) {
    for (const record of [...chunk.opportunities, ...chunk.actions, ...chunk.programme.flatMap((l) => l.records)])
      if (!samples.has(record.sobject)) samples.set(record.sobject, record);
    break;
  }
  for (const level of dataset.levels) if (level.records[0]) samples.set(level.sobject, level.records[0]);
  const comment = dataset.comments[0];
  if (comment) samples.set(comment.sobject, comment);
  const sobjects = [
    ...new Set([
      ...dataset.levels.map((l) => l.sobject),
      'Opportunity',
      'APR_Action__c',
      ...PROGRAMME_OBJECTS,
      ...(comment ? [comment.sobject] : []),
    ]),
  ];
  for (const sobject of sobjects) {
    let describe;
    try {
      describe = await session.conn.sobject(sobject).describe();
    } catch (error) {
      problems.push(`${sobject}: ${(error as Error).message} (is force-app deployed to this org?)`);
      continue;
    }
    if (!describe.createable || !describe.updateable)
      problems.push(`${sobject}: the running user cannot create and edit it`);
    const fields = new Map(describe.fields.map((f) => [f.name, f]));
    createOnly.set(
      sobject,
      describe.fields.filter((f) => f.createable && !f.updateable && f.name !== EXTERNAL_KEY).map((f) => f.name),
    );
    if (DATED_OBJECTS.includes(sobject)) {
      const refused = [...SEED_AUDIT_FIELDS].filter((name) => !fields.get(name)?.createable);
      if (refused.length > 0) leftOut.set(sobject, refused);
    }
    const natural = NATURAL_KEYS[sobject];
    if (natural) {
      for (const name of natural) if (!fields.has(name)) problems.push(`${sobject}.${name}: no such field`);
    } else if (!fields.get(EXTERNAL_KEY)?.externalId) {
      problems.push(`${sobject}.${EXTERNAL_KEY}: missing or not an external id`);
    }
    for (const name of Object.keys(samples.get(sobject)?.fields ?? {})) {
      const field = fields.get(name);
      if (SEED_AUDIT_FIELDS.has(name)) continue;
      if (!field) problems.push(`${sobject}.${name}: no such field (or not visible to the running user)`);
      else if (!field.createable) problems.push(`${sobject}.${name}: not createable by the running user`);
    }
  }
  if (problems.length > 0) {
    throw new SeedSetupError(`The org is not ready for seeding; nothing was written:\n  - ${problems.join('\n  - ')}`);
  }
  return { createOnly, leftOut };
}

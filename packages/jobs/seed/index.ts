/**
 * The seed as a function: generate the dataset for the org's fiscal calendar, check access, load it, then the
 * partner's side (partner users, plan comments) and the plan shares of the access job.
 */
import type { Progress } from '../cli';
import type { OrgSession } from '../connection';
import type { IsoDate } from '../periods';
import type { RetryPolicy } from '../retry';
import { generateDataset } from './generate';
import { rememberExisting, stagePlans, walkPlans, withoutClosedPlans, PLAN } from './lifecycle';
import { PLAN_SHARE, SeedLoader, type SeedReport } from './load';
import { checkAccess, readOrgFacts } from './preflight';
import type { Scale } from './scales';
import { byPartnerUser, COMMENT } from './comments';
import { loadPartnerUsers } from './partner-users';
import type { Ref, SeedDataset } from './records';
import { shareWithAccountablePeople } from './shares';

export interface SeedRun {
  scale: Scale;
  seed: number;
  asOf: IsoDate;
  /** Partners whose opportunities and actions are generated and loaded together. */
  partnersPerChunk: number;
  progress: Progress;
  /** Levels of more records than this go through Bulk API 2.0 (default 10,000; 0: never). */
  bulkThreshold?: number;
  /** Retry policy for writes (default: the shared policy). */
  policy?: RetryPolicy;
}

/**
 * Chunks loaded at once. Each chunk's partners, and so its records and their parents, are its own, so two
 * chunks never write the same record; while the org writes one chunk's job or request, the next chunk is
 * generated, resolved and sent, instead of the org waiting for the client and the client for the org.
 */
const CHUNKS_IN_FLIGHT = 2;

/**
 * Runs `work` on each item (numbered from 1), at most `width` at once, items taken from the iterable only when
 * there is room (a lazy generator generates them just in time). A failure lets the work in flight finish, starts
 * no more, then is thrown: nothing is left writing after the seed has returned.
 */
export async function inPipeline<T>(
  items: Iterable<T>,
  width: number,
  work: (item: T, number: number) => Promise<void>,
): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let number = 0;
  for (const item of items) {
    if (failure) break;
    const done: Promise<void> = work(item, ++number)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => running.delete(done));
    running.add(done);
    if (running.size >= width) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}

export async function runSeed(session: OrgSession, run: SeedRun): Promise<SeedReport> {
  const facts = await readOrgFacts(session);
  const dataset = generateDataset({
    seed: run.seed,
    scale: run.scale,
    asOf: run.asOf,
    fiscalYearStartMonth: facts.fiscalYearStartMonth,
    calendar: facts.calendar,
  });
  const access = await checkAccess(session, dataset);
  const loader = new SeedLoader(session, run.progress, access.createOnly, dataset.keyPrefix, {
    bulkThreshold: run.bulkThreshold,
    policy: run.policy,
    leftOut: access.leftOut,
  });
  await loader.loadUsers(dataset.users, facts.organizationId);
  await loader.assignRoles(dataset.roles);
  // New plans load as Drafts (sections and targets are added while they are), then walk to their status.
  const staged = await stagePlans(
    session,
    dataset.keyPrefix,
    dataset.levels.find((l) => l.sobject === PLAN)?.records ?? [],
  );
  const droppedSections = new Set<string>();
  const remember = (sobject: string, key: string, id: string): void => loader.remember(sobject, key, id);
  for (const level of dataset.levels) {
    if (level.sobject === PLAN) {
      await loader.upsert(PLAN, staged.records);
      await rememberExisting(session, remember, PLAN, [...staged.closedKeys]);
      continue;
    }
    const kept = withoutClosedPlans(level.sobject, level.records, staged.closedKeys, droppedSections);
    await loader.upsert(level.sobject, kept);
    const keptKeys = new Set(kept.map((r) => r.key));
    await rememberExisting(
      session,
      remember,
      level.sobject,
      level.records.filter((r) => !keptKeys.has(r.key)).map((r) => r.key),
    );
  }
  if (staged.closedKeys.size > 0)
    loader.report.notes.push(`${staged.closedKeys.size} closed plan(s) left as they are: a closed plan is read-only.`);
  const walkFailures = await walkPlans(
    { session, progress: run.progress, policy: run.policy, idOf: (sobject, key) => loader.idOf(sobject, key) },
    staged.walks,
  );
  loader.report.failures.push(...walkFailures);
  const chunkCount = Math.ceil(dataset.estimate.partnerCount / run.partnersPerChunk);
  await inPipeline(dataset.chunks(run.partnersPerChunk), CHUNKS_IN_FLIGHT, async (chunk, chunkNumber) => {
    const of = `(${chunkNumber}/${chunkCount})`;
    await loader.upsert('Opportunity', chunk.opportunities, `Opportunity ${of}`);
    await loader.upsert('APR_Action__c', chunk.actions, `APR_Action__c ${of}`);
    await loader.sharePlans(chunk.planShares, `${PLAN_SHARE} ${of}`);
    for (const level of chunk.programme) {
      await loader.upsert(level.sobject, level.records, `${level.sobject} ${of}`);
      if (level.sobject === 'Lead') await loader.convertLeads(chunk.leadConversions);
    }
    loader.forget('Opportunity', chunk.opportunities);
    for (const level of chunk.programme) loader.forget(level.sobject, level.records);
  });
  await loadPartnerSide(session, loader, dataset, facts.organizationId, access.leftOut, run, staged.closedKeys);
  await shareWithAccountablePeople(session, loader.report, run);
  return loader.report;
}

/**
 * The partner's side, once every contact is loaded: the partner users (as licences allow), then the plan
 * comments. A comment by a partner user who could not be created is left out (and counted in a note), as is
 * one whose author the org would not take: the running user would otherwise appear to have written it.
 */
async function loadPartnerSide(
  session: OrgSession,
  loader: SeedLoader,
  dataset: SeedDataset,
  organizationId: string,
  leftOut: Map<string, string[]>,
  run: SeedRun,
  closedKeys: Set<string>,
): Promise<void> {
  const report = loader.report;
  const bar = run.progress.step('User (partner)', dataset.partnerUsers.length);
  const partner = await loadPartnerUsers(dataset.partnerUsers, {
    session,
    organizationId,
    policy: run.policy,
    notes: report.notes,
    failures: report.failures,
  });
  bar.tick(dataset.partnerUsers.length);
  bar.done();
  report.partnerUsers = partner.report;
  const partnerKeys = new Set(dataset.partnerUsers.map((u) => u.key));
  const authorsTaken = !(leftOut.get(COMMENT) ?? []).includes('CreatedById');
  const comments = dataset.comments.flatMap((comment) => {
    if (!byPartnerUser(comment, partnerKeys)) return [comment];
    const author = partner.ids.get((comment.fields.CreatedById as Ref).ref.key);
    return author && authorsTaken ? [{ ...comment, fields: { ...comment.fields, CreatedById: author } }] : [];
  });
  const left = dataset.comments.length - comments.length;
  if (left > 0)
    report.notes.push(
      `${left} plan comment(s) by partner users were left out: ${authorsTaken ? 'their authors were not created' : 'the running user cannot set CreatedById'}.`,
    );
  await loader.upsert(COMMENT, withoutClosedPlans(COMMENT, comments, closedKeys, new Set()));
}

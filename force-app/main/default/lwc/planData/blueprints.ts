/* eslint-disable no-restricted-globals -- the babel parser reports property signatures (name, status) as uses of globals */
/**
 * Writing a c/planYear `PlanBlueprint` (a plan made from a template or rolled over from last year) through
 * LDS createRecord, and reading what a rollover starts from: the plan with its sections and targets.
 *
 * (What a rollover starts from, the plan with its sections and targets, is read in templates.ts.) Also the
 * fiscal years a partner has plans for (PARTNER_PLAN_YEARS_QUERY), where a new plan's year starts.
 *
 * Order matters: the plan, then its sections, then the year targets, then their parts (Parent_Target__c is
 * the created year target's Id). A failed record stops nothing already written; what depends on it (a
 * section's targets, a year target's parts) is reported as not created. External keys make a retry safe:
 * the caller reads the keys the plan already has (PLAN_RECORD_KEYS_QUERY) and those records are skipped.
 */
import { gql, type DocumentNode, type GraphQLResult } from 'lightning/graphql';
import type { FieldInputValue } from 'lightning/uiRecordApi';
import type { PlanBlueprint, SectionSpec, TargetSpec } from 'c/planYear';
import PARENT_FAILED from '@salesforce/label/c.Plan_Blueprint_Parent_Failed';
import { readConnection, val, type Connection, type UiapiData, type Value } from './graphqlShapes';
import { createOne } from './records';
import type { Loadable, PlanStatus, SaveOutcome } from './types';

// ---------------------------------------------------------------------------------------------------
// What a plan already holds (retries skip it)

const LOADING = { kind: 'loading' } as const;

interface KeyNode {
  Id: string;
  External_Key__c: Value<string>;
}

export interface RecordKeysData {
  uiapi: { query: { Plan_Section__c: Connection<KeyNode>; Plan_Target__c: Connection<KeyNode> } };
}

/** The external keys of a plan's sections and targets. Variables: `planId`. */
export const PLAN_RECORD_KEYS_QUERY: DocumentNode<RecordKeysData, { planId: string }> = gql`
  query planRecordKeys($planId: ID) {
    uiapi {
      query {
        Plan_Section__c(where: { Partner_Account_Plan__c: { eq: $planId } }, first: 2000) {
          edges {
            node {
              Id
              External_Key__c {
                value
              }
            }
          }
        }
        Plan_Target__c(where: { Plan_Section__r: { Partner_Account_Plan__c: { eq: $planId } } }, first: 2000) {
          edges {
            node {
              Id
              External_Key__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/** The records a plan already has: external key -> Id, and how many records it has in all. */
export interface ExistingRecords {
  sections: Record<string, string>;
  targets: Record<string, string>;
  /** Sections and targets, keyed or not: a plan with any is not empty. */
  count: number;
}

export function readRecordKeys(result: GraphQLResult | undefined): Loadable<ExistingRecords> {
  const sections = readConnection<KeyNode, KeyNode>(result, 'Plan_Section__c', (n) => n);
  const targets = readConnection<KeyNode, KeyNode>(result, 'Plan_Target__c', (n) => n);
  if (sections.kind === 'error') return sections;
  if (sections.kind !== 'ready' || targets.kind !== 'ready') return targets.kind === 'error' ? targets : LOADING;
  const byKey = (nodes: KeyNode[]): Record<string, string> =>
    Object.fromEntries(nodes.filter((n) => val(n.External_Key__c)).map((n) => [val(n.External_Key__c) ?? '', n.Id]));
  return {
    kind: 'ready',
    value: {
      sections: byKey(sections.value),
      targets: byKey(targets.value),
      count: sections.value.length + targets.value.length,
    },
    truncated: sections.truncated || targets.truncated,
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing a blueprint

export type BlueprintRecordKind = 'plan' | 'section' | 'target';

/**
 * What happened to one record of the blueprint: created (with its new Id), already there (a retry: its Id),
 * failed (the server's errors) or not attempted because what it belongs to failed.
 */
export interface BlueprintOutcome {
  kind: BlueprintRecordKind;
  ref: string;
  externalKey: string;
  status: 'created' | 'existing' | 'failed' | 'not-attempted';
  id: string | null;
  fieldErrors: Record<string, string[]>;
  messages: string[];
}

export interface BlueprintResult {
  /** The plan written into (created, or the one given); null when the plan could not be created. */
  planId: string | null;
  outcomes: BlueprintOutcome[];
  /** Every record is there (created now or before). */
  ok: boolean;
}

export interface BlueprintOptions {
  /** Fill this existing plan instead of creating `blueprint.plan`. */
  planId?: string;
  /** What the plan already has (readRecordKeys): those records are skipped, and their Ids used. */
  existing?: ExistingRecords;
  /** At most this many creates run at once (default 10). */
  concurrency?: number;
}

/** Runs `task` over `items` with at most `limit` running at once; results in input order. */
async function inBatches<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) {
    // One batch after the other on purpose: that is the limit.
    // eslint-disable-next-line no-await-in-loop
    results.push(...(await Promise.all(items.slice(i, i + limit).map(task))));
  }
  return results;
}

/** The request's fields without the empty ones (blank means "not set" for every field we write). */
function present(fields: Record<string, unknown>): Record<string, FieldInputValue> {
  const out: Record<string, FieldInputValue> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined && value !== '') out[name] = value as FieldInputValue;
  }
  return out;
}

function planFields(blueprint: PlanBlueprint): Record<string, FieldInputValue> {
  const plan = blueprint.plan;
  return present({
    ...plan.fields,
    Name: plan.name,
    Partner_Account__c: plan.partnerAccountId,
    Status__c: 'Draft',
    Fiscal_Year__c: plan.fiscalYear,
    Period_Start__c: plan.periodStart,
    Period_End__c: plan.periodEnd,
    External_Key__c: plan.externalKey,
    Review_Cadence__c: plan.reviewCadence,
    OwnerId: plan.ownerId,
    Previous_Plan__c: plan.previousPlanId,
    Template__c: plan.template,
  });
}

function sectionFields(planId: string, s: SectionSpec): Record<string, FieldInputValue> {
  return present({
    Partner_Account_Plan__c: planId,
    Name: s.name,
    Section_Type__c: s.sectionType,
    Summary__c: s.summary,
    Sort_Order__c: s.sortOrder,
    // A checkbox: false is a value to write, not an empty one.
    Visible_To_Partner__c: s.visibleToPartner ? true : undefined,
    Budget__c: s.budget,
    Section_Owner__c: s.sectionOwnerId,
    External_Key__c: s.externalKey,
  });
}

function targetFields(t: TargetSpec, sectionId: string, parentId: string | null): Record<string, FieldInputValue> {
  return present({
    Plan_Section__c: sectionId,
    Parent_Target__c: parentId,
    Metric__c: t.metric,
    Period_Type__c: t.periodType,
    Period_Start__c: t.periodStart,
    Period_End__c: t.periodEnd,
    Target_Value__c: t.targetValue,
    Carried_Shortfall__c: t.carriedShortfall,
    Previous_Target__c: t.previousTargetId,
    Accountable_AE__c: t.aeId,
    Accountable_Partner_Manager__c: t.partnerManagerId,
    Target_Account__c: t.targetAccountId,
    Weight__c: t.weight,
    Split_Profile__c: t.splitProfile,
    External_Key__c: t.externalKey,
  });
}

const outcomeOf = (
  kind: BlueprintRecordKind,
  spec: { ref: string; externalKey: string },
  saved: SaveOutcome,
): BlueprintOutcome => ({
  kind,
  ref: spec.ref,
  externalKey: spec.externalKey,
  status: saved.ok ? 'created' : 'failed',
  id: saved.ok ? saved.id : null,
  fieldErrors: saved.fieldErrors,
  messages: saved.messages,
});

const existingOutcome = (
  kind: BlueprintRecordKind,
  spec: { ref: string; externalKey: string },
  id: string,
): BlueprintOutcome => ({
  kind,
  ref: spec.ref,
  externalKey: spec.externalKey,
  status: 'existing',
  id,
  fieldErrors: {},
  messages: [],
});

const notAttempted = (kind: BlueprintRecordKind, spec: { ref: string; externalKey: string }): BlueprintOutcome => ({
  kind,
  ref: spec.ref,
  externalKey: spec.externalKey,
  status: 'not-attempted',
  id: null,
  fieldErrors: {},
  messages: [PARENT_FAILED],
});

/**
 * Writes a blueprint: the plan (Draft) unless `options.planId` names one to fill, then its sections, then
 * the year targets, then their parts, keeping ref -> Id. Records whose external key the plan already has
 * (`options.existing`) are skipped. One outcome per record, plan first, in blueprint order.
 */
export async function createFromBlueprint(
  blueprint: PlanBlueprint,
  options: BlueprintOptions = {},
): Promise<BlueprintResult> {
  const limit = Math.max(1, options.concurrency ?? 10);
  const existing = options.existing ?? { sections: {}, targets: {}, count: 0 };
  const outcomes: BlueprintOutcome[] = [];
  const planSpec = { ref: 'plan', externalKey: blueprint.plan.externalKey };

  let planId = options.planId ?? null;
  if (planId) {
    outcomes.push(existingOutcome('plan', planSpec, planId));
  } else {
    const saved = await createOne('Partner_Account_Plan__c', planSpec.ref, planFields(blueprint));
    outcomes.push(outcomeOf('plan', planSpec, saved));
    if (!saved.ok) {
      for (const s of blueprint.sections) outcomes.push(notAttempted('section', s));
      for (const t of blueprint.targets) outcomes.push(notAttempted('target', t));
      return { planId: null, outcomes, ok: false };
    }
    planId = saved.id;
  }
  const newPlanId = planId;

  // Sections, then targets in two waves: those without a parent, then the parts of created parents.
  const ids = new Map<string, string>();
  const sectionOutcomes = await inBatches(blueprint.sections, limit, async (s): Promise<BlueprintOutcome> => {
    const found = existing.sections[s.externalKey];
    if (found) return existingOutcome('section', s, found);
    return outcomeOf('section', s, await createOne('Plan_Section__c', s.ref, sectionFields(newPlanId, s)));
  });
  for (const o of sectionOutcomes) if (o.id) ids.set(o.ref, o.id);
  outcomes.push(...sectionOutcomes);

  const writeTarget = async (t: TargetSpec): Promise<BlueprintOutcome> => {
    const found = existing.targets[t.externalKey];
    if (found) return existingOutcome('target', t, found);
    const sectionId = ids.get(t.sectionRef);
    const parentId = t.parentRef ? ids.get(t.parentRef) : null;
    if (!sectionId || parentId === undefined) return notAttempted('target', t);
    return outcomeOf('target', t, await createOne('Plan_Target__c', t.ref, targetFields(t, sectionId, parentId)));
  };
  const byRef = new Map<string, BlueprintOutcome>();
  const remember = (waveOutcomes: BlueprintOutcome[]): void => {
    for (const o of waveOutcomes) {
      byRef.set(o.ref, o);
      if (o.id) ids.set(o.ref, o.id);
    }
  };
  // The parts after the year targets: they name their parent's Id.
  remember(
    await inBatches(
      blueprint.targets.filter((t) => !t.parentRef),
      limit,
      writeTarget,
    ),
  );
  remember(
    await inBatches(
      blueprint.targets.filter((t) => t.parentRef),
      limit,
      writeTarget,
    ),
  );
  // Reported in blueprint order (parents before their parts, as the blueprint lists them).
  for (const t of blueprint.targets) {
    const o = byRef.get(t.ref);
    if (o) outcomes.push(o);
  }
  return { planId: newPlanId, outcomes, ok: outcomes.every((o) => o.status === 'created' || o.status === 'existing') };
}

/** The failed records of a result (not those merely not attempted because of them). */
export function blueprintFailures(result: BlueprintResult): BlueprintOutcome[] {
  return result.outcomes.filter((o) => o.status === 'failed');
}

/**
 * The messages of a result's failed records, each as `{0}: {1}` (`template`) with what `describe` calls
 * the record (a section's name, a target's metric and period) and the server's words.
 */
export function blueprintErrorMessages(
  result: BlueprintResult,
  template: string,
  describe: (outcome: BlueprintOutcome) => string,
): string[] {
  return blueprintFailures(result).flatMap((o) => {
    const words = [...o.messages, ...Object.values(o.fieldErrors).flat()];
    return words.map((w) => template.replace('{0}', describe(o)).replace('{1}', w));
  });
}

/** The records a result holds (created or already there): external key -> Id, for a retry's `existing`. */
export function recordsOf(result: BlueprintResult): ExistingRecords {
  const out: ExistingRecords = { sections: {}, targets: {}, count: 0 };
  for (const o of result.outcomes) {
    if (!o.id || o.kind === 'plan') continue;
    (o.kind === 'section' ? out.sections : out.targets)[o.externalKey] = o.id;
    out.count++;
  }
  return out;
}

/** Merges what a query found with what a write reported. */
export function mergeRecords(a: ExistingRecords | null, b: ExistingRecords | null): ExistingRecords {
  return {
    sections: { ...(a ? a.sections : {}), ...(b ? b.sections : {}) },
    targets: { ...(a ? a.targets : {}), ...(b ? b.targets : {}) },
    count: Math.max(a ? a.count : 0, b ? b.count : 0),
  };
}

/**
 * The blueprint keyed under another plan key (an existing plan's External_Key__c): its sections' and
 * targets' refs and keys `${planKey}-S01`... follow the plan they are written into.
 */
export function withPlanKey(blueprint: PlanBlueprint, planKey: string): PlanBlueprint {
  const from = blueprint.plan.externalKey;
  if (from === planKey) return blueprint;
  const rekey = (key: string): string => (key.startsWith(from) ? planKey + key.slice(from.length) : key);
  return {
    plan: { ...blueprint.plan, externalKey: planKey },
    sections: blueprint.sections.map((s) => ({ ...s, ref: rekey(s.ref), externalKey: rekey(s.externalKey) })),
    targets: blueprint.targets.map((t) => ({
      ...t,
      ref: rekey(t.ref),
      externalKey: rekey(t.externalKey),
      sectionRef: rekey(t.sectionRef),
      parentRef: t.parentRef ? rekey(t.parentRef) : null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Plan years: which fiscal years a partner has plans for, and where the next one starts

interface PlanYearNode {
  Id: string;
  Name: Value<string>;
  External_Key__c: Value<string>;
  Status__c: Value<string>;
  Fiscal_Year__c: Value<string>;
  Period_Start__c: Value<string>;
  Period_End__c: Value<string>;
  Previous_Plan__c: Value<string>;
}

export type PlanYearsData = UiapiData<'Partner_Account_Plan__c', PlanYearNode>;

/** A plan as the template dialog and rollover need it: its year, and what it was rolled over from. */
export interface PlanYear {
  id: string;
  name: string;
  externalKey: string | null;
  status: PlanStatus | null;
  fiscalYear: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  previousPlanId: string | null;
}

const PLAN_YEAR_FIELDS = /* GraphQL */ `
  fragment PlanYearFields on Partner_Account_Plan__c {
    Id
    Name {
      value
    }
    External_Key__c {
      value
    }
    Status__c {
      value
    }
    Fiscal_Year__c {
      value
    }
    Period_Start__c {
      value
    }
    Period_End__c {
      value
    }
    Previous_Plan__c {
      value
    }
  }
`;

/** Every plan of a partner account, whatever its status, latest period first. Variables: `accountId`. */
export const PARTNER_PLAN_YEARS_QUERY: DocumentNode<PlanYearsData, { accountId: string }> = gql`
  query partnerPlanYears($accountId: ID) {
    uiapi {
      query {
        Partner_Account_Plan__c(
          where: { Partner_Account__c: { eq: $accountId } }
          orderBy: { Period_End__c: { order: DESC, nulls: LAST } }
          first: 200
        ) {
          edges {
            node {
              ...PlanYearFields
            }
          }
        }
      }
    }
  }
  ${PLAN_YEAR_FIELDS}
`;

/** The plan with the latest period the user can see, any partner: where a first plan's year starts. */
export const LATEST_PLAN_QUERY: DocumentNode<PlanYearsData, Record<string, never>> = gql`
  query latestPlan {
    uiapi {
      query {
        Partner_Account_Plan__c(orderBy: { Period_End__c: { order: DESC, nulls: LAST } }, first: 1) {
          edges {
            node {
              ...PlanYearFields
            }
          }
        }
      }
    }
  }
  ${PLAN_YEAR_FIELDS}
`;

const toPlanYear = (node: PlanYearNode): PlanYear => ({
  id: node.Id,
  name: val(node.Name) ?? '',
  externalKey: val(node.External_Key__c),
  status: val(node.Status__c) as PlanStatus | null,
  fiscalYear: val(node.Fiscal_Year__c),
  periodStart: val(node.Period_Start__c),
  periodEnd: val(node.Period_End__c),
  previousPlanId: val(node.Previous_Plan__c),
});

export function readPlanYears(result: GraphQLResult | undefined): Loadable<PlanYear[]> {
  return readConnection(result, 'Partner_Account_Plan__c', toPlanYear);
}

/** The same fiscal year label, whatever its case and spaces ("fy2027 " is FY2027). */
export const sameFiscalYear = (a: string | null, b: string | null): boolean =>
  Boolean(a && b && a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase());

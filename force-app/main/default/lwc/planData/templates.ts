/* eslint-disable no-restricted-globals -- the babel parser reports property signatures (name, status) as uses of globals */
/**
 * Plan templates (custom metadata `Plan_Template__mdt`, `Plan_Template_Section__mdt`,
 * `Plan_Template_Target__mdt`): one GraphQL document that reads all three, and the reader that assembles
 * them into c/planYear `TemplateDef`s (active templates only, sections and targets in sort order). Also the
 * metric semantics rollover needs (`Direction__c`, `Shape__c` of `Plan_Metric__mdt`, read by catalog.ts), the
 * and what a rollover starts from: a plan with its sections and targets.
 */
import { gql, type DocumentNode, type GraphQLResult } from 'lightning/graphql';
import type { ObjectInfoRepresentation } from 'lightning/uiObjectInfoApi';
import type { WireResult } from 'lightning/uiRecordApi';
import {
  NARRATIVE_FIELDS,
  type MetricTraits,
  type PeriodType,
  type SourcePlan,
  type SourceSection,
  type SourceTarget,
  type TemplateDef,
} from 'c/planYear';
import { graphQLErrorMessage, readConnection, val, type Connection, type Value } from './graphqlShapes';
import type { Loadable, Metric, PlanStatus } from './types';

/** A Plan_Template__mdt record as the query selects it. */
export interface TemplateNode {
  Id: string;
  DeveloperName: Value<string>;
  MasterLabel: Value<string>;
  Partner_Tier__c: Value<string>;
  Description__c: Value<string>;
  Review_Cadence__c: Value<string>;
  Active__c: Value<boolean>;
  Sort_Order__c: Value<number>;
}

/** A Plan_Template_Section__mdt record as the query selects it. */
export interface TemplateSectionNode {
  Id: string;
  DeveloperName: Value<string>;
  MasterLabel: Value<string>;
  Template__c: Value<string>;
  Section_Type__c: Value<string>;
  Summary__c: Value<string>;
  Sort_Order__c: Value<number>;
  Visible_To_Partner__c: Value<boolean>;
}

/** A Plan_Template_Target__mdt record as the query selects it. */
export interface TemplateTargetNode {
  Id: string;
  DeveloperName: Value<string>;
  Template_Section__c: Value<string>;
  Metric__c: Value<string>;
  Period_Type__c: Value<string>;
  Default_Value__c: Value<number>;
  Split_Profile__c: Value<string>;
  Weight__c: Value<number>;
  Sort_Order__c: Value<number>;
}

export interface TemplatesData {
  uiapi: {
    query: {
      Plan_Template__mdt: Connection<TemplateNode>;
      Plan_Template_Section__mdt: Connection<TemplateSectionNode>;
      Plan_Template_Target__mdt: Connection<TemplateTargetNode>;
    };
  };
}

/** Every template with its sections and targets (inactive ones are dropped by the reader). No variables. */
export const PLAN_TEMPLATES_QUERY: DocumentNode<TemplatesData, Record<string, never>> = gql`
  query planTemplates {
    uiapi {
      query {
        Plan_Template__mdt(first: 200, orderBy: { Sort_Order__c: { order: ASC } }) {
          edges {
            node {
              Id
              DeveloperName {
                value
              }
              MasterLabel {
                value
              }
              Partner_Tier__c {
                value
              }
              Description__c {
                value
              }
              Review_Cadence__c {
                value
              }
              Active__c {
                value
              }
              Sort_Order__c {
                value
              }
            }
          }
        }
        Plan_Template_Section__mdt(first: 2000, orderBy: { Sort_Order__c: { order: ASC } }) {
          edges {
            node {
              Id
              DeveloperName {
                value
              }
              MasterLabel {
                value
              }
              Template__c {
                value
              }
              Section_Type__c {
                value
              }
              Summary__c {
                value
              }
              Sort_Order__c {
                value
              }
              Visible_To_Partner__c {
                value
              }
            }
          }
        }
        Plan_Template_Target__mdt(first: 2000, orderBy: { Sort_Order__c: { order: ASC } }) {
          edges {
            node {
              Id
              DeveloperName {
                value
              }
              Template_Section__c {
                value
              }
              Metric__c {
                value
              }
              Period_Type__c {
                value
              }
              Default_Value__c {
                value
              }
              Split_Profile__c {
                value
              }
              Weight__c {
                value
              }
              Sort_Order__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/** A template as the dialog shows it: the c/planYear definition plus its description. */
export interface PlanTemplate extends TemplateDef {
  description: string | null;
}

const PERIOD_TYPES: PeriodType[] = ['Year', 'Quarter', 'Month'];

/** Sort order, then DeveloperName: metadata without a sort order goes last. */
const bySortOrder = (a: { sortOrder: number; key: string }, b: { sortOrder: number; key: string }): number =>
  a.sortOrder - b.sortOrder || a.key.localeCompare(b.key);

/** Sorts items by their metadata's sort order and DeveloperName. */
function sorted<T>(items: T[], keyOf: (item: T) => { sortOrder: number; key: string }): T[] {
  return items
    .map((item) => ({ item, ...keyOf(item) }))
    .sort(bySortOrder)
    .map((entry) => entry.item);
}

const order = (value: number | null): number => value ?? Number.MAX_SAFE_INTEGER;

/** The active templates, in sort order, each with its sections and their targets in sort order. */
export function readTemplates(result: GraphQLResult | undefined): Loadable<PlanTemplate[]> {
  if (!result) return { kind: 'loading' };
  if (result.errors && result.errors.length > 0) return { kind: 'error', message: graphQLErrorMessage(result) };
  if (!result.data) return { kind: 'loading' };
  const templates = readConnection<TemplateNode, TemplateNode>(result, 'Plan_Template__mdt', (n) => n);
  const sections = readConnection<TemplateSectionNode, TemplateSectionNode>(
    result,
    'Plan_Template_Section__mdt',
    (n) => n,
  );
  const targets = readConnection<TemplateTargetNode, TemplateTargetNode>(result, 'Plan_Template_Target__mdt', (n) => n);
  if (templates.kind !== 'ready' || sections.kind !== 'ready' || targets.kind !== 'ready') return { kind: 'loading' };

  const keyOf = (n: { DeveloperName: Value<string>; Sort_Order__c: Value<number> }) => ({
    sortOrder: order(val(n.Sort_Order__c)),
    key: val(n.DeveloperName) ?? '',
  });

  const targetsOf = (sectionName: string): TemplateDef['sections'][number]['targets'] =>
    sorted(
      targets.value.filter((t) => val(t.Template_Section__c) === sectionName),
      keyOf,
    ).map((t) => {
      const periodType = val(t.Period_Type__c) as PeriodType | null;
      return {
        metric: val(t.Metric__c) ?? '',
        periodType: periodType && PERIOD_TYPES.includes(periodType) ? periodType : 'Year',
        defaultValue: val(t.Default_Value__c) ?? 0,
        splitProfile: val(t.Split_Profile__c),
        weight: val(t.Weight__c),
        sortOrder: order(val(t.Sort_Order__c)),
      };
    });

  const sectionsOf = (templateName: string): TemplateDef['sections'] =>
    sorted(
      sections.value.filter((s) => val(s.Template__c) === templateName),
      keyOf,
    ).map((s) => {
      const name = val(s.DeveloperName) ?? '';
      return {
        name,
        label: val(s.MasterLabel) ?? name,
        sectionType: val(s.Section_Type__c) ?? '',
        summary: val(s.Summary__c),
        sortOrder: order(val(s.Sort_Order__c)),
        visibleToPartner: val(s.Visible_To_Partner__c) === true,
        targets: targetsOf(name),
      };
    });

  const value = sorted(
    templates.value.filter((t) => val(t.Active__c) !== false),
    keyOf,
  ).map((t): PlanTemplate => {
    const name = val(t.DeveloperName) ?? '';
    return {
      name,
      label: val(t.MasterLabel) ?? name,
      tier: val(t.Partner_Tier__c),
      reviewCadence: val(t.Review_Cadence__c),
      description: val(t.Description__c),
      sections: sectionsOf(name),
    };
  });
  return { kind: 'ready', value, truncated: templates.truncated || sections.truncated || targets.truncated };
}

/** The template for a partner tier (Account.Partner_Tier__c), or null. */
export function templateForTier(templates: PlanTemplate[], tier: string | null | undefined): PlanTemplate | null {
  if (!tier) return null;
  const wanted = tier.trim().toLowerCase();
  return templates.find((t) => (t.tier ?? '').trim().toLowerCase() === wanted) ?? null;
}

/**
 * What rollover and templates need of each metric, by DeveloperName: its semantics (Direction__c, Shape__c)
 * and unit (a Count splits and carries in whole numbers).
 */
export function metricSemanticsByName(metrics: Metric[]): Record<string, MetricTraits> {
  return Object.fromEntries(metrics.map((m) => [m.name, { direction: m.direction, shape: m.shape, unit: m.unit }]));
}

/** Whether the running user may create records of the object (UI API object info); not until it loads. */
export function canCreate(result: WireResult<ObjectInfoRepresentation> | undefined): boolean {
  return Boolean(result && result.data && result.data.createable);
}

// ---------------------------------------------------------------------------------------------------
// What a rollover starts from

interface SourcePlanNode {
  Id: string;
  Name: Value<string>;
  External_Key__c: Value<string>;
  Status__c: Value<string>;
  Partner_Account__c: Value<string>;
  Partner_Account__r: { Name: Value<string>; External_Key__c: Value<string> } | null;
  Fiscal_Year__c: Value<string>;
  Period_Start__c: Value<string>;
  Period_End__c: Value<string>;
  Review_Cadence__c: Value<string>;
  OwnerId: Value<string>;
  Vision__c: Value<string>;
  Strategic_Priorities__c: Value<string>;
  Strengths__c: Value<string>;
  Weaknesses__c: Value<string>;
  Opportunities__c: Value<string>;
  Threats__c: Value<string>;
  Communication_Plan__c: Value<string>;
  Budget__c: Value<number>;
  Executive_Sponsor__c: Value<string>;
  Partner_Contact__c: Value<string>;
}

interface SourceSectionNode {
  Id: string;
  Name: Value<string>;
  Section_Type__c: Value<string>;
  Summary__c: Value<string>;
  Sort_Order__c: Value<number>;
  Visible_To_Partner__c: Value<boolean>;
  Budget__c: Value<number>;
  Section_Owner__c: Value<string>;
}

interface SourceTargetNode {
  Id: string;
  Plan_Section__c: Value<string>;
  External_Key__c: Value<string>;
  Metric__c: Value<string>;
  Period_Type__c: Value<string>;
  Period_Start__c: Value<string>;
  Period_End__c: Value<string>;
  Target_Value__c: Value<number>;
  Actual_Value__c: Value<number>;
  Accountable_AE__c: Value<string>;
  Accountable_Partner_Manager__c: Value<string>;
  Target_Account__c: Value<string>;
  Weight__c: Value<number>;
  Parent_Target__c: Value<string>;
  Split_Profile__c: Value<string>;
}

export interface PlanSourceData {
  uiapi: {
    query: {
      Partner_Account_Plan__c: Connection<SourcePlanNode>;
      Plan_Section__c: Connection<SourceSectionNode>;
      Plan_Target__c: Connection<SourceTargetNode>;
    };
  };
}

const valueSelection = (names: readonly string[]): string => names.map((n) => `${n} {\n value\n }`).join('\n');

/** A plan with its sections and targets, as a rollover copies them. Variables: `planId`. */
export const PLAN_SOURCE_QUERY: DocumentNode<PlanSourceData, { planId: string }> = gql`
  query planSource($planId: ID) {
    uiapi {
      query {
        Partner_Account_Plan__c(where: { Id: { eq: $planId } }, first: 1) {
          edges {
            node {
              Id
              ${valueSelection(['Name', 'External_Key__c', 'Status__c', 'Partner_Account__c', 'Fiscal_Year__c'])}
              ${valueSelection(['Period_Start__c', 'Period_End__c', 'Review_Cadence__c', 'OwnerId'])}
              Partner_Account__r {
                ${valueSelection(['Name', 'External_Key__c'])}
              }
              ${valueSelection(NARRATIVE_FIELDS)}
            }
          }
        }
        Plan_Section__c(
          where: { Partner_Account_Plan__c: { eq: $planId } }
          orderBy: { Sort_Order__c: { order: ASC, nulls: LAST }, Name: { order: ASC } }
          first: 200
        ) {
          edges {
            node {
              Id
              ${valueSelection(['Name', 'Section_Type__c', 'Summary__c', 'Sort_Order__c', 'Visible_To_Partner__c'])}
              ${valueSelection(['Budget__c', 'Section_Owner__c'])}
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        Plan_Target__c(
          where: { Plan_Section__r: { Partner_Account_Plan__c: { eq: $planId } } }
          orderBy: { Period_Start__c: { order: ASC }, Name: { order: ASC } }
          first: 2000
        ) {
          edges {
            node {
              Id
              ${valueSelection(['Plan_Section__c', 'External_Key__c', 'Metric__c', 'Period_Type__c'])}
              ${valueSelection(['Period_Start__c', 'Period_End__c', 'Target_Value__c', 'Actual_Value__c'])}
              ${valueSelection(['Accountable_AE__c', 'Accountable_Partner_Manager__c', 'Target_Account__c'])}
              ${valueSelection(['Weight__c', 'Parent_Target__c', 'Split_Profile__c'])}
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;

/** A rollover's source: the c/planYear shapes, plus what the component shows (status, partner's name). */
export interface PlanSource {
  plan: SourcePlan & { status: PlanStatus | null; partnerName: string | null };
  sections: SourceSection[];
  targets: SourceTarget[];
}

function toSourcePlan(node: SourcePlanNode): PlanSource['plan'] {
  const partner = node.Partner_Account__r;
  const partnerAccountId = val(node.Partner_Account__c) ?? '';
  const fields: Record<string, unknown> = {};
  // The node selects every narrative field (valueSelection(NARRATIVE_FIELDS) in the query).
  const narrative = node as unknown as Record<string, Value<string | number>>;
  for (const name of NARRATIVE_FIELDS) {
    const value = val<string | number>(narrative[name]);
    if (value !== null) fields[name] = value;
  }
  return {
    id: node.Id,
    name: val(node.Name) ?? '',
    externalKey: val(node.External_Key__c),
    status: val(node.Status__c) as PlanStatus | null,
    partnerAccountId,
    // An account loaded without a key is still one partner: its Id stands in.
    partnerKey: (partner && val(partner.External_Key__c)) || partnerAccountId,
    partnerName: partner ? val(partner.Name) : null,
    fiscalYear: val(node.Fiscal_Year__c),
    periodStart: val(node.Period_Start__c) ?? '',
    periodEnd: val(node.Period_End__c) ?? '',
    reviewCadence: val(node.Review_Cadence__c),
    ownerId: val(node.OwnerId),
    fields,
  };
}

const toSourceSection = (node: SourceSectionNode): SourceSection => ({
  id: node.Id,
  name: val(node.Name) ?? '',
  sectionType: val(node.Section_Type__c) ?? '',
  summary: val(node.Summary__c),
  sortOrder: val(node.Sort_Order__c),
  visibleToPartner: val(node.Visible_To_Partner__c) === true,
  budget: val(node.Budget__c),
  sectionOwnerId: val(node.Section_Owner__c),
});

function toSourceTarget(node: SourceTargetNode): SourceTarget {
  const periodType = val(node.Period_Type__c) as PeriodType | null;
  return {
    id: node.Id,
    sectionId: val(node.Plan_Section__c) ?? '',
    externalKey: val(node.External_Key__c),
    metric: val(node.Metric__c) ?? '',
    periodType: periodType && PERIOD_TYPES.includes(periodType) ? periodType : null,
    periodStart: val(node.Period_Start__c) ?? '',
    periodEnd: val(node.Period_End__c) ?? '',
    targetValue: val(node.Target_Value__c) ?? 0,
    actualValue: val(node.Actual_Value__c),
    aeId: val(node.Accountable_AE__c),
    partnerManagerId: val(node.Accountable_Partner_Manager__c),
    targetAccountId: val(node.Target_Account__c),
    weight: val(node.Weight__c),
    parentTargetId: val(node.Parent_Target__c),
    splitProfile: val(node.Split_Profile__c),
  };
}

const LOADING = { kind: 'loading' } as const;

/** The plan, its sections and targets; null when the plan is not there (deleted, or not shared). */
export function readPlanSource(result: GraphQLResult | undefined): Loadable<PlanSource | null> {
  if (result && result.errors && result.errors.length > 0) {
    return { kind: 'error', message: graphQLErrorMessage(result) };
  }
  const plans = readConnection(result, 'Partner_Account_Plan__c', toSourcePlan);
  const sections = readConnection(result, 'Plan_Section__c', toSourceSection);
  const targets = readConnection(result, 'Plan_Target__c', toSourceTarget);
  if (plans.kind !== 'ready' || sections.kind !== 'ready' || targets.kind !== 'ready') return LOADING;
  if (plans.value.length === 0) return { kind: 'ready', value: null, truncated: false };
  return {
    kind: 'ready',
    value: { plan: plans.value[0], sections: sections.value, targets: targets.value },
    truncated: sections.truncated || targets.truncated,
  };
}

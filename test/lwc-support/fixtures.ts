/**
 * Builders of typed test data: UI API records (what getRecord emits) and UI API GraphQL responses (what
 * the graphql wire emits), from compact specs. One place, so every component test speaks the same shapes.
 * The GraphQL builders return the node types of c/planData's documents: with the typed `emitGraphQL`, a
 * fixture that drifts from its query does not compile.
 */
import type { FieldValue, RecordRepresentation } from 'lightning/uiRecordApi';
import type {
  ActionNode,
  MetricNode,
  MetricsData,
  OpportunityNode,
  PicklistOption,
  PlanNode,
  RunNode,
  RunsData,
  SectionNode,
  TargetNode,
  TargetWithPlanNode,
  UiapiData,
} from 'c/planData';
import CURRENT_USER_ID from '../lwc-mocks/salesforce/userId';

// ---------------------------------------------------------------------------------------------------
// Ids and people

/** A syntactically valid 18-character Id with a key prefix. */
export const id = (prefix: string, n: number): string => `${prefix}${String(n).padStart(12, '0')}AAA`;

export const USERS = {
  me: { id: CURRENT_USER_ID, name: 'Alex Morgan' },
  ae: { id: id('005', 11), name: 'Avery Ellis' },
  pm: { id: id('005', 12), name: 'Priya Mehta' },
  ae2: { id: id('005', 13), name: 'Sam Ortiz' },
  pm2: { id: id('005', 14), name: 'Jordan Lee' },
};

export const PARTNER = { id: id('001', 1), name: 'Northwind Partners' };
export const CUSTOMER = { id: id('001', 2), name: 'Contoso Retail' };
export const CUSTOMER_2 = { id: id('001', 3), name: 'Fabrikam Foods' };

// ---------------------------------------------------------------------------------------------------
// UI API records (getRecord)

type FieldSpec = FieldValue | undefined;

/** A UI API record; nested records (spanning relationships) may be given as field values. */
export function recordOf(apiName: string, recordId: string, fields: Record<string, FieldSpec>): RecordRepresentation {
  const entries = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => [name, { value: value as FieldValue, displayValue: null }]);
  return { id: recordId, apiName, fields: Object.fromEntries(entries) };
}

const nameRecord = (apiName: string, recordId: string | null, name: string | null): RecordRepresentation | null =>
  recordId ? recordOf(apiName, recordId, { Id: recordId, Name: name }) : null;

export interface PlanSpec {
  id?: string;
  name?: string;
  partnerId?: string;
  partnerName?: string;
  status?: string;
  periodStart?: string;
  periodEnd?: string;
  fiscalYear?: string;
  version?: number | null;
  overallAttainment?: number | null;
  acceptedById?: string | null;
  acceptedByName?: string | null;
  acceptedOn?: string | null;
  /** The partner's side: the optional fields (PLAN_OPTIONAL_FIELDS). */
  ownerId?: string;
  /** The owner's name (Owner.Name): only when a test gives it, as when a user cannot read it. */
  ownerName?: string;
  acceptedByContactId?: string | null;
  acceptedByContactName?: string | null;
  changeRequestReason?: string | null;
  changesRequestedOn?: string | null;
  changesRequestedById?: string | null;
  changesRequestedByName?: string | null;
}

export const PLAN_ID = id('a01', 1);

export function planRecord(spec: PlanSpec = {}): RecordRepresentation {
  const planId = spec.id ?? PLAN_ID;
  const partnerId = spec.partnerId ?? PARTNER.id;
  return recordOf('Partner_Account_Plan__c', planId, {
    Name: spec.name ?? 'Northwind FY2026',
    Partner_Account__c: partnerId,
    Partner_Account__r: nameRecord('Account', partnerId, spec.partnerName ?? PARTNER.name),
    Status__c: spec.status ?? 'Draft',
    Period_Start__c: spec.periodStart ?? '2026-01-01',
    Period_End__c: spec.periodEnd ?? '2026-12-31',
    Fiscal_Year__c: spec.fiscalYear ?? 'FY2026',
    Version__c: spec.version === undefined ? 1 : spec.version,
    Overall_Attainment__c: spec.overallAttainment === undefined ? 42.5 : spec.overallAttainment,
    Accepted_By__c: spec.acceptedById ?? null,
    Accepted_By__r: nameRecord('User', spec.acceptedById ?? null, spec.acceptedByName ?? null),
    Accepted_On__c: spec.acceptedOn ?? null,
    OwnerId: spec.ownerId ?? USERS.pm.id,
    ...(spec.ownerName ? { Owner: nameRecord('User', spec.ownerId ?? USERS.pm.id, spec.ownerName) } : {}),
    Accepted_By_Contact__c: spec.acceptedByContactId ?? null,
    Accepted_By_Contact__r: nameRecord('Contact', spec.acceptedByContactId ?? null, spec.acceptedByContactName ?? null),
    Change_Request_Reason__c: spec.changeRequestReason ?? null,
    Changes_Requested_On__c: spec.changesRequestedOn ?? null,
    Changes_Requested_By__c: spec.changesRequestedById ?? null,
    Changes_Requested_By__r: nameRecord('User', spec.changesRequestedById ?? null, spec.changesRequestedByName ?? null),
  });
}

export interface OpportunitySpec {
  id?: string;
  name?: string;
  ownerId?: string;
  ownerName?: string;
  accountId?: string;
  partnerId?: string | null;
  partnerName?: string | null;
  isClosed?: boolean;
  isWon?: boolean;
  lastAprActionDate?: string | null;
}

export const OPPORTUNITY_ID = id('006', 1);

export function opportunityRecord(spec: OpportunitySpec = {}): RecordRepresentation {
  const oppId = spec.id ?? OPPORTUNITY_ID;
  const ownerId = spec.ownerId ?? USERS.ae.id;
  const partnerId = spec.partnerId === undefined ? PARTNER.id : spec.partnerId;
  return recordOf('Opportunity', oppId, {
    Name: spec.name ?? 'Contoso POS rollout',
    OwnerId: ownerId,
    Owner: nameRecord('User', ownerId, spec.ownerName ?? USERS.ae.name),
    AccountId: spec.accountId ?? CUSTOMER.id,
    Partner_Account__c: partnerId,
    Partner_Account__r: nameRecord('Account', partnerId, spec.partnerName ?? PARTNER.name),
    IsClosed: spec.isClosed ?? false,
    IsWon: spec.isWon ?? false,
    Last_APR_Action_Date__c: spec.lastAprActionDate ?? null,
  });
}

// ---------------------------------------------------------------------------------------------------
// UI API GraphQL responses

const v = <T>(value: T | null | undefined): { value: T | null } => ({ value: value ?? null });
const pv = (
  value: string | null | undefined,
  label?: string | null,
): { value: string | null; displayValue: string | null } => ({
  value: value ?? null,
  displayValue: value ? (label ?? value) : null,
});
const ref = (name: string | null | undefined): { Name: { value: string } } | null =>
  name ? { Name: { value: name } } : null;

/** `{ uiapi: { query: { <objectName>: connection } } }` with the nodes in order. */
export function uiapi<K extends string, N>(
  objectName: K,
  nodes: N[],
  options: { hasNextPage?: boolean } = {},
): UiapiData<K, N> {
  // The computed key widens to `string`: the object has exactly the one key K.
  return {
    uiapi: {
      query: {
        [objectName]: {
          edges: nodes.map((node) => ({ node })),
          pageInfo: { hasNextPage: options.hasNextPage ?? false, endCursor: null },
        },
      } as UiapiData<K, N>['uiapi']['query'],
    },
  };
}

export interface SectionSpec {
  id: string;
  name: string;
  sectionType?: string | null;
  summary?: string | null;
  sortOrder?: number | null;
  weightedAttainment?: number | null;
}

export const sectionId = (n: number): string => id('a02', n);

export function sectionNode(spec: SectionSpec): SectionNode {
  return {
    Id: spec.id,
    Name: v(spec.name),
    Section_Type__c: pv(spec.sectionType === undefined ? 'Sales Objectives' : spec.sectionType),
    Summary__c: v(spec.summary),
    Sort_Order__c: v(spec.sortOrder === undefined ? 10 : spec.sortOrder),
    Weighted_Attainment__c: v(spec.weightedAttainment === undefined ? 50 : spec.weightedAttainment),
  };
}

export interface TargetSpec {
  id: string;
  sectionId?: string;
  metric: string;
  periodType?: string;
  periodStart?: string;
  periodEnd?: string;
  targetValue?: number | null;
  baselineValue?: number | null;
  revisionReason?: string | null;
  actualValue?: number | null;
  attainment?: number | null;
  expectedToDate?: number | null;
  paceStatus?: string | null;
  weight?: number | null;
  aeId?: string | null;
  aeName?: string | null;
  pmId?: string | null;
  pmName?: string | null;
  targetAccountId?: string | null;
  targetAccountName?: string | null;
  /** The year target this one was split from (Parent_Target__c) and a year's split profile. */
  parentTargetId?: string | null;
  splitProfile?: string | null;
  /** The plan reached through the section: read by `targetWithPlanNode` (pair, partner, account queries). */
  planId?: string;
  planName?: string;
  planStatus?: string;
  partnerId?: string;
  partnerName?: string;
  /** The plan's fiscal year and start (defaults FY2026 from 2026-01-01). */
  planFiscalYear?: string | null;
  planPeriodStart?: string | null;
  /** CurrencyIsoCode: only the multi-currency documents select it; given, the node carries it. */
  currencyIsoCode?: string;
}

export const targetId = (n: number): string => id('a03', n);

/** A target as the plan's targets query selects it (`TargetFields`): without its plan. */
export function targetNode(spec: TargetSpec): TargetNode {
  return {
    Id: spec.id,
    Name: v(`TGT-${spec.id.slice(-6)}`),
    Plan_Section__c: v(spec.sectionId ?? sectionId(1)),
    Metric__c: v(spec.metric),
    Period_Type__c: pv(spec.periodType ?? 'Quarter'),
    Period_Start__c: v(spec.periodStart ?? '2026-04-01'),
    Period_End__c: v(spec.periodEnd ?? '2026-06-30'),
    Target_Value__c: v(spec.targetValue === undefined ? 100 : spec.targetValue),
    Baseline_Target_Value__c: v(spec.baselineValue),
    Revision_Reason__c: v(spec.revisionReason),
    Actual_Value__c: v(spec.actualValue === undefined ? 40 : spec.actualValue),
    Attainment__c: v(spec.attainment === undefined ? 40 : spec.attainment),
    Expected_To_Date__c: v(spec.expectedToDate === undefined ? 50 : spec.expectedToDate),
    Pace_Status__c: pv(spec.paceStatus === undefined ? 'Behind' : spec.paceStatus),
    Weight__c: v(spec.weight === undefined ? 1 : spec.weight),
    Accountable_AE__c: v(spec.aeId),
    Accountable_AE__r: ref(spec.aeName),
    Accountable_Partner_Manager__c: v(spec.pmId),
    Accountable_Partner_Manager__r: ref(spec.pmName),
    Target_Account__c: v(spec.targetAccountId),
    Target_Account__r: ref(spec.targetAccountName),
    Parent_Target__c: v(spec.parentTargetId),
    Split_Profile__c: v(spec.splitProfile),
    ...(spec.currencyIsoCode === undefined ? {} : { CurrencyIsoCode: v(spec.currencyIsoCode) }),
  };
}

/**
 * A target as the pair, partner and account queries select it (`TargetWithPlanFields`): with the plan
 * reached through its section when the spec names one, else a null section.
 */
export function targetWithPlanNode(spec: TargetSpec): TargetWithPlanNode {
  return {
    ...targetNode(spec),
    Plan_Section__r: spec.planId
      ? {
          Partner_Account_Plan__c: v(spec.planId),
          Partner_Account_Plan__r: {
            Name: v(spec.planName ?? 'Northwind FY2026'),
            Status__c: v(spec.planStatus ?? 'Active'),
            Partner_Account__c: v(spec.partnerId ?? PARTNER.id),
            Partner_Account__r: ref(spec.partnerName ?? PARTNER.name),
            Fiscal_Year__c: v(spec.planFiscalYear === undefined ? 'FY2026' : spec.planFiscalYear),
            Period_Start__c: v(spec.planPeriodStart === undefined ? '2026-01-01' : spec.planPeriodStart),
          },
        }
      : null,
  };
}

export interface MetricSpec {
  name: string;
  label: string;
  category?: string;
  unit?: string;
  sortOrder?: number;
  active?: boolean;
  sourceObject?: string;
  filter?: string | null;
  helpText?: string | null;
  direction?: string | null;
  shape?: string | null;
  aheadThreshold?: number | null;
  behindThreshold?: number | null;
}

export function metricNode(spec: MetricSpec): MetricNode {
  return {
    Id: id('m00', spec.sortOrder ?? 1),
    DeveloperName: v(spec.name),
    MasterLabel: v(spec.label),
    Category__c: v(spec.category ?? 'Activity'),
    Unit__c: v(spec.unit ?? 'Count'),
    Sort_Order__c: v(spec.sortOrder ?? 100),
    Active__c: v(spec.active ?? true),
    Source_Object__c: v(spec.sourceObject ?? 'APR_Action__c'),
    Filter__c: v(spec.filter === undefined ? null : spec.filter),
    Description__c: v(null),
    Help_Text__c: v(spec.helpText ?? null),
    Direction__c: v(spec.direction === undefined ? 'Higher is better' : spec.direction),
    Shape__c: v(spec.shape === undefined ? 'Cumulative' : spec.shape),
    Ahead_Threshold__c: v(spec.aheadThreshold ?? null),
    Behind_Threshold__c: v(spec.behindThreshold ?? null),
  };
}

/** A slice of the real catalog (customMetadata/Plan_Metric.*), enough for every component. */
export const CATALOG: MetricSpec[] = [
  {
    name: 'Closed_Won_Revenue',
    label: 'Closed Won Revenue',
    category: 'Sales',
    unit: 'Currency',
    sortOrder: 10,
    sourceObject: 'Opportunity',
    filter: 'IsWon = true',
  },
  {
    name: 'Deal_Registrations',
    label: 'Deal Registrations',
    category: 'Sales',
    sortOrder: 60,
    filter: "Action_Type__c = 'Deal Registration'",
  },
  {
    name: 'Win_Rate',
    label: 'Win Rate',
    category: 'Sales',
    unit: 'Percent',
    sortOrder: 70,
    sourceObject: 'Opportunity',
    filter: null,
    shape: 'Rate',
  },
  { name: 'Joint_Calls', label: 'Joint Calls', sortOrder: 110, filter: "Action_Type__c = 'Joint Call'" },
  { name: 'Demos', label: 'Demos', sortOrder: 130, filter: "Action_Type__c = 'Demo'" },
  {
    name: 'Coaching_Sessions',
    label: 'Coaching Sessions',
    sortOrder: 160,
    filter: "Action_Type__c = 'Coaching Session'",
  },
  {
    name: 'Total_APR_Actions',
    label: 'Total APR Actions',
    sortOrder: 170,
    filter: "Action_Type__c != 'Coaching Session'",
  },
  {
    name: 'Campaign_Actions',
    label: 'Campaign Actions',
    category: 'Marketing',
    sortOrder: 200,
    filter: "Action_Type__c IN ('Email Campaign', 'Call Blitz', 'Trade Show')",
  },
  {
    name: 'Email_Campaigns',
    label: 'Email Campaigns',
    category: 'Marketing',
    sortOrder: 210,
    filter: "Action_Type__c = 'Email Campaign'",
  },
];

/** A budget metric (Stay within budget), for tests of over-budget targets; not in CATALOG. */
export const MARKETING_SPEND: MetricSpec = {
  name: 'Marketing_Spend',
  label: 'Marketing Spend',
  category: 'Marketing',
  unit: 'Currency',
  sortOrder: 230,
  sourceObject: 'APR_Action__c',
  filter: null,
  direction: 'Stay within budget',
};

export const catalogData = (specs: MetricSpec[] = CATALOG): MetricsData =>
  uiapi('Plan_Metric__mdt', specs.map(metricNode));

export interface PlanNodeSpec {
  id: string;
  name?: string;
  status?: string;
  periodStart?: string;
  periodEnd?: string;
  partnerId?: string;
  partnerName?: string;
  overallAttainment?: number | null;
}

export function planNode(spec: PlanNodeSpec): PlanNode {
  return {
    Id: spec.id,
    Name: v(spec.name ?? 'Northwind FY2026'),
    Status__c: v(spec.status ?? 'Active'),
    Period_Start__c: v(spec.periodStart ?? '2026-01-01'),
    Period_End__c: v(spec.periodEnd ?? '2026-12-31'),
    Partner_Account__c: v(spec.partnerId ?? PARTNER.id),
    Partner_Account__r: ref(spec.partnerName ?? PARTNER.name),
    Overall_Attainment__c: v(spec.overallAttainment === undefined ? 61.5 : spec.overallAttainment),
  };
}

export interface ActionSpec {
  id: string;
  actionType: string;
  actionDate: string;
  quantity?: number;
  outcome?: string | null;
  actorId?: string;
  actorName?: string;
  actorRole?: string | null;
  opportunityId?: string | null;
  opportunityName?: string | null;
  opportunityWon?: boolean;
  opportunityAccountId?: string | null;
  partnerId?: string;
  planId?: string | null;
  targetId?: string | null;
  notes?: string | null;
  nextStep?: string | null;
}

export const actionId = (n: number): string => id('a04', n);

export function actionNode(spec: ActionSpec): ActionNode {
  const opportunityId = spec.opportunityId === undefined ? OPPORTUNITY_ID : spec.opportunityId;
  return {
    Id: spec.id,
    Name: v(`APR-${spec.id.slice(-7)}`),
    Action_Type__c: pv(spec.actionType),
    Action_Date__c: v(spec.actionDate),
    Quantity__c: v(spec.quantity ?? 1),
    Outcome__c: pv(spec.outcome ?? null),
    Actor__c: v(spec.actorId ?? USERS.ae.id),
    Actor__r: ref(spec.actorName ?? USERS.ae.name),
    Actor_Role__c: v(spec.actorRole ?? null),
    Opportunity__c: v(opportunityId),
    Opportunity__r: opportunityId
      ? {
          Name: v(spec.opportunityName ?? 'Contoso POS rollout'),
          IsWon: v(spec.opportunityWon ?? false),
          AccountId: v(spec.opportunityAccountId === undefined ? CUSTOMER.id : spec.opportunityAccountId),
        }
      : null,
    Partner_Account__c: v(spec.partnerId ?? PARTNER.id),
    Partner_Account_Plan__c: v(spec.planId ?? null),
    Plan_Target__c: v(spec.targetId ?? null),
    Notes__c: v(spec.notes ?? null),
    Next_Step__c: v(spec.nextStep ?? null),
  };
}

export interface DealSpec {
  id: string;
  name: string;
  stage?: string;
  amount?: number | null;
  closeDate?: string;
  lastAprActionDate?: string | null;
  accountName?: string;
}

export function opportunityNode(spec: DealSpec): OpportunityNode {
  return {
    Id: spec.id,
    Name: v(spec.name),
    StageName: pv(spec.stage ?? 'Proposal/Price Quote'),
    Amount: v(spec.amount === undefined ? 50000 : spec.amount),
    CloseDate: v(spec.closeDate ?? '2026-06-30'),
    Last_APR_Action_Date__c: v(spec.lastAprActionDate ?? null),
    Account: ref(spec.accountName ?? CUSTOMER.name),
  };
}

// ---------------------------------------------------------------------------------------------------
// Picklists (as the org defines them in force-app)

const options = (...values: string[]): PicklistOption[] => values.map((value) => ({ value, label: value }));

export const PICKLISTS = {
  planStatus: options('Draft', 'Partner Review', 'Accepted', 'Active', 'In Revision', 'Closed'),
  sectionType: options(
    'Sales Objectives',
    'Marketing',
    'Training and Certification',
    'Joint Investment',
    'Action Plan',
    'Custom',
  ),
  periodType: options('Month', 'Quarter', 'Year'),
  actionType: options(
    'Joint Call',
    'Customer Meeting',
    'Demo',
    'Proposal',
    'Deal Registration',
    'Email Campaign',
    'Call Blitz',
    'Trade Show',
    'Training Delivered',
    'Certification Earned',
    'QBR',
    'Coaching Session',
    'Other',
  ),
  outcome: options('Positive', 'Neutral', 'Negative', 'Pending'),
  actorRole: options('AE', 'Partner Manager', 'Partner Rep'),
};

// ---------------------------------------------------------------------------------------------------
// Rollup runs

export interface RunSpec {
  id?: string;
  name: string;
  status: string;
  startedAt: string;
  finishedAt?: string | null;
  failures?: number;
}

/** A rollup run node (RunFields); the Id is derived from the name's number unless given. */
export function runNode(spec: RunSpec): RunNode {
  return {
    Id: spec.id ?? id('a0R', Number(spec.name.replace(/\D/g, ''))),
    Name: { value: spec.name },
    Status__c: { value: spec.status },
    Started_At__c: { value: spec.startedAt },
    Finished_At__c: { value: spec.finishedAt === undefined ? spec.startedAt : spec.finishedAt },
    Failures__c: { value: spec.failures ?? 0 },
  };
}

/** The answer of a rollup run query (LAST_SUCCESSFUL_RUN_QUERY or RECENT_RUNS_QUERY). */
export const runsData = (runs: RunSpec[]): RunsData => uiapi('Rollup_Run__c', runs.map(runNode));

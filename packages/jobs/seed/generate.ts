/**
 * The deterministic partner-planning dataset: users, partner and customer accounts, contacts, a plan per
 * partner per fiscal year with the standard sections and quarterly targets, opportunities across the last
 * four quarters and the next two, and APR actions that correlate with outcomes (pairs that act more win
 * more, with noise). Pure: it writes nothing; records reference each other by external key.
 */
import { Random } from '../random';
import {
  addDays,
  daysBetween,
  fiscalQuarterOf,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearPeriod,
  parseIso,
  shiftQuarter,
  type IsoDate,
} from '../periods';
import type { Scale } from './scales';

export interface Ref {
  ref: { sobject: string; key: string };
}
export type FieldValue = string | number | boolean | null | Ref;

export interface SeedRecord {
  sobject: string;
  /** External_Key__c value (Username for users). */
  key: string;
  fields: Record<string, FieldValue>;
}

export type UserRole = 'AE' | 'Partner Manager' | 'Admin';

export interface UserSpec {
  key: string;
  role: UserRole;
  firstName: string;
  lastName: string;
  title: string;
  /** Key of the user's manager (partner managers report to the admin; AEs to their partner manager). */
  managerKey?: string;
}

export interface SeedOptions {
  seed: number;
  scale: Scale;
  /** The day the data is "as of": quarters, stages and actions are placed around it. */
  asOf: IsoDate;
  /** Organization.FiscalYearStartMonth (1 = January). */
  fiscalYearStartMonth: number;
}

/** Work of one group of partners that is generated and loaded together (bounded memory at large scale). */
export interface PartnerChunk {
  opportunities: SeedRecord[];
  actions: SeedRecord[];
  /** Users (AEs) each plan of these partners is shared with for reading: Private plans are otherwise unseen. */
  planShares: PlanShare[];
}

/** A plan and the keys of the users who should read it through a manual share. */
export interface PlanShare {
  planKey: string;
  userKeys: string[];
}

export interface SeedDataset {
  options: SeedOptions;
  keyPrefix: string;
  users: UserSpec[];
  /** Records loaded first, level by level (parents before children). */
  levels: { sobject: string; records: SeedRecord[] }[];
  /** Opportunities and their actions, generated per chunk of partners on demand. */
  chunks(partnersPerChunk: number): Generator<PartnerChunk>;
  /** Number of opportunities and actions `chunks()` will produce (computed without generating them). */
  estimate: { opportunities: number; partnerCount: number };
}

const ref = (sobject: string, key: string): Ref => ({ ref: { sobject, key } });

const FIRST_NAMES = [
  'Ava',
  'Ben',
  'Chloe',
  'Daniel',
  'Emma',
  'Farid',
  'Grace',
  'Hiro',
  'Isla',
  'Jonas',
  'Kira',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Priya',
  'Quinn',
  'Rafael',
  'Sofia',
  'Tomas',
  'Uma',
  'Victor',
  'Wen',
  'Yara',
  'Zane',
];
const LAST_NAMES = [
  'Adams',
  'Bauer',
  'Chen',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Usman',
  'Varga',
  'Weber',
  'Xu',
  'Young',
  'Zimmer',
];
const PARTNER_WORDS = [
  'Apex',
  'Blue',
  'Cedar',
  'Delta',
  'Ember',
  'Falcon',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Keystone',
  'Lumen',
  'Meridian',
  'North',
  'Orbit',
  'Pinnacle',
  'Quartz',
  'Ridge',
  'Summit',
  'Tidal',
  'Unity',
  'Vertex',
  'Willow',
  'Zenith',
];
const PARTNER_SUFFIXES = [
  'Solutions',
  'Systems',
  'Partners',
  'Consulting',
  'Networks',
  'Digital',
  'Group',
  'Technologies',
];
const CUSTOMER_WORDS = [
  'Acme',
  'Bright',
  'Crown',
  'Dynamo',
  'Evergreen',
  'Frontier',
  'Global',
  'Horizon',
  'Infinity',
  'Jet',
  'Kinetic',
  'Liberty',
  'Metro',
  'Nova',
  'Oak',
  'Prime',
  'Royal',
  'Silver',
  'Titan',
  'Urban',
  'Vista',
  'Wave',
];
const CUSTOMER_SUFFIXES = [
  'Bank',
  'Health',
  'Retail',
  'Logistics',
  'Energy',
  'Foods',
  'Insurance',
  'Motors',
  'Media',
  'Labs',
];
const INDUSTRIES = [
  'Banking',
  'Healthcare',
  'Retail',
  'Transportation',
  'Energy',
  'Manufacturing',
  'Insurance',
  'Media',
  'Technology',
  'Education',
];
const CITIES: [string, string][] = [
  ['Chicago', 'United States'],
  ['Austin', 'United States'],
  ['Toronto', 'Canada'],
  ['London', 'United Kingdom'],
  ['Lyon', 'France'],
  ['Munich', 'Germany'],
  ['Madrid', 'Spain'],
  ['Sydney', 'Australia'],
];
const PRODUCTS = [
  'Platform',
  'Analytics',
  'Security Suite',
  'Cloud Migration',
  'Support Renewal',
  'Expansion',
  'Integration',
];
const PARTNER_TYPES: [string, number][] = [
  ['Reseller', 40],
  ['System Integrator', 20],
  ['Managed Service Provider', 15],
  ['Distributor', 8],
  ['Referral', 10],
  ['Technology Alliance', 7],
];
const TIERS: [string, number][] = [
  ['Platinum', 10],
  ['Gold', 25],
  ['Silver', 40],
  ['Registered', 25],
];
const MEDIAN_DEAL: Record<string, number> = { Platinum: 60_000, Gold: 35_000, Silver: 20_000, Registered: 10_000 };
const OPEN_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
];
const SECTION_TYPES = [
  'Sales Objectives',
  'Marketing',
  'Training and Certification',
  'Joint Investment',
  'Action Plan',
] as const;
const OPPORTUNITY_ACTIONS: [string, number][] = [
  ['Joint Call', 30],
  ['Customer Meeting', 20],
  ['Demo', 15],
  ['Proposal', 8],
  ['Deal Registration', 10],
  ['Other', 2],
];
const REVISION_REASONS = [
  'Partner lost two sales reps mid-quarter',
  'Large renewal moved to next fiscal year',
  'New territory assigned to the partner',
  'Marketing budget cut by the partner',
  'Certification programme launched late',
];
/** Log-normal spread of deal sizes; E[amount] = median × exp(sigma² / 2). */
const DEAL_SIGMA = 0.6;

interface PartnerProfile {
  index: number;
  key: string;
  name: string;
  tier: string;
  /** How actively the pair works the partner: multiplies actions (and, through them, wins). */
  intensity: number;
  aeKey: string;
  secondAeKey: string;
  managerKey: string;
  customerKeys: string[];
  contactKey: string;
}

/** Win probability of a closed opportunity given the actions on it and the pair's intensity. */
export function winProbability(actions: number, intensity: number, noise: number): number {
  const p = 0.15 + 0.12 * Math.log1p(actions) + 0.08 * (intensity - 1) + noise;
  return Math.min(0.85, Math.max(0.05, p));
}

const pad = (n: number, width = 4): string => String(n).padStart(width, '0');

export function generateDataset(options: SeedOptions): SeedDataset {
  const { seed, scale, asOf, fiscalYearStartMonth: fyStart } = options;
  const root = new Random(seed);
  const keyPrefix = `s${seed}`;
  const key = (...parts: (string | number)[]): string => [keyPrefix, ...parts].join('-');

  // --- Users: one admin, partner managers, AEs. AEs report to a manager, managers to the admin.
  const managerCount = Math.max(1, Math.ceil(scale.partners / scale.partnersPerManager));
  const aeCount = Math.max(2, Math.ceil(scale.partners / scale.partnersPerAe));
  const users: UserSpec[] = [];
  const person = (index: number): { firstName: string; lastName: string } => ({
    firstName: FIRST_NAMES[index % FIRST_NAMES.length],
    lastName: LAST_NAMES[(index * 7 + Math.floor(index / FIRST_NAMES.length)) % LAST_NAMES.length],
  });
  const adminKey = key('user', 'admin');
  users.push({
    key: adminKey,
    role: 'Admin',
    firstName: 'Pat',
    lastName: 'Planner',
    title: 'Partner Planning Administrator',
  });
  for (let i = 0; i < managerCount; i++) {
    users.push({
      key: key('user', 'pm', pad(i + 1)),
      role: 'Partner Manager',
      ...person(i * 3 + 1),
      title: 'Partner Manager',
      managerKey: adminKey,
    });
  }
  for (let i = 0; i < aeCount; i++) {
    const managerKey = users[1 + (i % managerCount)].key;
    users.push({
      key: key('user', 'ae', pad(i + 1)),
      role: 'AE',
      ...person(i * 3 + 2),
      title: 'Account Executive',
      managerKey,
    });
  }
  const managerKeys = users.filter((u) => u.role === 'Partner Manager').map((u) => u.key);
  const aeKeys = users.filter((u) => u.role === 'AE').map((u) => u.key);

  // --- Window: the last four quarters, the current one and the next two.
  const firstQuarter = shiftQuarter(asOf, -4, fyStart);
  const quarters = Array.from({ length: 7 }, (_, i) => shiftQuarter(firstQuarter.start, i, fyStart));
  // A plan per fiscal year that the window covers for at least two quarters.
  const quartersPerYear = new Map<number, number>();
  for (const q of quarters) quartersPerYear.set(q.fiscalYear, (quartersPerYear.get(q.fiscalYear) ?? 0) + 1);
  const fiscalYears = [...quartersPerYear].filter(([, n]) => n >= 2).map(([fy]) => fy);
  const currentFiscalYear = fiscalYearOf(asOf, fyStart);

  // --- Accounts and contacts.
  const partnerRecords: SeedRecord[] = [];
  const customerRecords: SeedRecord[] = [];
  const contactRecords: SeedRecord[] = [];
  const profiles: PartnerProfile[] = [];
  for (let p = 0; p < scale.partners; p++) {
    const rng = root.fork(`partner-${p}`);
    const partnerKey = key('acct', 'p', pad(p + 1, 5));
    const tier = rng.weighted(TIERS);
    const [city, country] = rng.pick(CITIES);
    const name = `${PARTNER_WORDS[p % PARTNER_WORDS.length]} ${PARTNER_SUFFIXES[Math.floor(p / PARTNER_WORDS.length) % PARTNER_SUFFIXES.length]}${p >= PARTNER_WORDS.length * PARTNER_SUFFIXES.length ? ` ${Math.floor(p / (PARTNER_WORDS.length * PARTNER_SUFFIXES.length)) + 1}` : ''}`;
    partnerRecords.push({
      sobject: 'Account',
      key: partnerKey,
      fields: {
        Name: name,
        Type: 'Channel Partner / Reseller',
        Partner_Type__c: rng.weighted(PARTNER_TYPES),
        Partner_Tier__c: tier,
        Industry: 'Technology',
        BillingCity: city,
        BillingCountry: country,
        Website: `https://www.${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
      },
    });
    const customerKeys: string[] = [];
    for (let c = 0; c < scale.customersPerPartner; c++) {
      const customerKey = key('acct', 'c', pad(p + 1, 5), pad(c + 1, 3));
      customerKeys.push(customerKey);
      const word = CUSTOMER_WORDS[(p * 5 + c) % CUSTOMER_WORDS.length];
      const suffix = CUSTOMER_SUFFIXES[(p + c * 3) % CUSTOMER_SUFFIXES.length];
      customerRecords.push({
        sobject: 'Account',
        key: customerKey,
        fields: {
          Name: `${word} ${suffix} ${pad(p + 1, 3)}-${c + 1}`,
          Type: 'Customer - Channel',
          Industry: rng.pick(INDUSTRIES),
          BillingCity: city,
          BillingCountry: country,
          AnnualRevenue: Math.round(rng.logNormal(50_000_000, 1)),
          NumberOfEmployees: Math.round(rng.logNormal(800, 1)),
        },
      });
    }
    const contactKey = key('contact', pad(p + 1, 5));
    const contactPerson = person(p * 5 + 4);
    contactRecords.push({
      sobject: 'Contact',
      key: contactKey,
      fields: {
        FirstName: contactPerson.firstName,
        LastName: contactPerson.lastName,
        AccountId: ref('Account', partnerKey),
        Title: 'Channel Sales Director',
        Email:
          `${contactPerson.firstName}.${contactPerson.lastName}.${p + 1}@${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`.toLowerCase(),
      },
    });
    profiles.push({
      index: p,
      key: partnerKey,
      name,
      tier,
      intensity: rng.logNormal(1, 0.5),
      managerKey: managerKeys[Math.floor(p / scale.partnersPerManager) % managerKeys.length],
      aeKey: aeKeys[p % aeKeys.length],
      secondAeKey: aeKeys[(p + 1) % aeKeys.length],
      customerKeys,
      contactKey,
    });
  }

  // --- Plans, sections and targets, from expected rates so they are believable but not the outcome.
  const planRecords: SeedRecord[] = [];
  const sectionRecords: SeedRecord[] = [];
  const targetRecords: SeedRecord[] = [];
  const partnerActionRecords: SeedRecord[] = [];
  for (const profile of profiles) {
    const rng = root.fork(`plan-${profile.index}`);
    const meanDeal = MEDIAN_DEAL[profile.tier] * Math.exp((DEAL_SIGMA * DEAL_SIGMA) / 2);
    const expectedWins =
      scale.opportunitiesPerQuarter *
      winProbability(scale.actionsPerOpportunity * profile.intensity, profile.intensity, 0);
    const budget = Math.round((MEDIAN_DEAL[profile.tier] * 2 * (0.8 + rng.next() * 0.4)) / 1000) * 1000;
    const actionsByPlan = new Map<number, SeedRecord[]>();
    // Partner-level actions (no opportunity): enablement, marketing, QBRs and coaching, up to today.
    for (const quarter of quarters) {
      if (quarter.start > asOf) continue;
      const last = quarter.end < asOf ? quarter.end : asOf;
      const span = daysBetween(quarter.start, last);
      const actions: [string, number, 'AE' | 'Partner Manager'][] = [
        ['Training Delivered', rng.poisson(1.5 * profile.intensity), 'Partner Manager'],
        ['Certification Earned', rng.poisson(1.0 * profile.intensity), 'Partner Manager'],
        ['Email Campaign', rng.poisson(1.0), 'Partner Manager'],
        ['Call Blitz', rng.poisson(0.7 * profile.intensity), 'AE'],
        ['Trade Show', rng.poisson(0.3), 'Partner Manager'],
        ['QBR', span > 45 ? 1 : 0, 'Partner Manager'],
        ['Coaching Session', rng.poisson(2 * profile.intensity), 'Partner Manager'],
      ];
      let n = 0;
      for (const [type, count, role] of actions) {
        for (let i = 0; i < count; i++) {
          const date = addDays(quarter.start, rng.int(0, span));
          const fy = fiscalYearOf(date, fyStart);
          const cost =
            type === 'Email Campaign'
              ? rng.int(5, 30) * 100
              : type === 'Call Blitz'
                ? rng.int(10, 50) * 100
                : type === 'Trade Show'
                  ? rng.int(5, 25) * 1000
                  : null;
          const record: SeedRecord = {
            sobject: 'APR_Action__c',
            key: key('act', 'p', pad(profile.index + 1, 5), `${quarter.fiscalYear}q${quarter.quarter}`, pad(++n, 3)),
            fields: {
              Partner_Account__c: ref('Account', profile.key),
              Partner_Account_Plan__c: fiscalYears.includes(fy)
                ? ref('Partner_Account_Plan__c', key('plan', pad(profile.index + 1, 5), fy))
                : null,
              Actor__c: ref('User', role === 'AE' ? profile.aeKey : profile.managerKey),
              // Whoever logged an action owns it, so they can edit it (actions are public read only).
              OwnerId: ref('User', role === 'AE' ? profile.aeKey : profile.managerKey),
              Actor_Role__c: role,
              Action_Type__c: type,
              Action_Date__c: date,
              Quantity__c: type === 'Certification Earned' ? rng.int(1, 3) : 1,
              Outcome__c: rng.weighted([
                ['Positive', 6],
                ['Neutral', 3],
                ['Negative', 1],
              ] as const),
              Cost__c: cost,
              Notes__c: type === 'Coaching Session' ? coachingNote(rng, profile) : null,
              Next_Step__c: type === 'QBR' ? 'Share QBR summary and agree next-quarter priorities' : null,
            },
          };
          const fyActions = actionsByPlan.get(fy) ?? [];
          fyActions.push(record);
          actionsByPlan.set(fy, fyActions);
          partnerActionRecords.push(record);
        }
      }
    }
    for (const fy of fiscalYears) {
      const planKey = key('plan', pad(profile.index + 1, 5), fy);
      const period = fiscalYearPeriod(fy, fyStart);
      const status =
        fy < currentFiscalYear
          ? 'Closed'
          : fy > currentFiscalYear
            ? rng.weighted([
                ['Draft', 6],
                ['Partner Review', 4],
              ] as const)
            : rng.weighted([
                ['Active', 8],
                ['In Revision', 1],
                ['Accepted', 1],
              ] as const);
      const accepted = status !== 'Draft' && status !== 'Partner Review';
      const actualCost = (actionsByPlan.get(fy) ?? []).reduce(
        (sum, a) => sum + ((a.fields.Cost__c as number | null) ?? 0),
        0,
      );
      const lastReview = fy === currentFiscalYear ? addDays(fiscalQuarterOf(asOf, fyStart).start, 20) : null;
      planRecords.push({
        sobject: 'Partner_Account_Plan__c',
        key: planKey,
        fields: {
          Name: `${profile.name} ${fiscalYearLabel(fy)} Plan`,
          // The partner manager owns the plan (plans are Private); AEs get read shares.
          OwnerId: ref('User', profile.managerKey),
          Partner_Account__c: ref('Account', profile.key),
          Period_Start__c: period.start,
          Period_End__c: period.end,
          Fiscal_Year__c: fiscalYearLabel(fy),
          Status__c: status,
          Vision__c: `${profile.name} becomes our leading ${profile.tier.toLowerCase()} partner in its region by ${fiscalYearLabel(fy)}, with joint pipeline in every key account.`,
          Strategic_Priorities__c:
            '1. Grow joint pipeline in target accounts\n2. Certify the partner sales team\n3. Run one joint campaign per quarter',
          Strengths__c: 'Strong relationships with regional IT buyers; experienced pre-sales team.',
          Weaknesses__c: 'Few certified engineers; long proposal turnaround.',
          Opportunities__c: 'Cloud migrations in mid-market banks and insurers.',
          Threats__c: 'Competing vendors offer higher partner margins.',
          Communication_Plan__c:
            'Weekly pipeline call between AE and partner; monthly partner-manager sync; quarterly business review.',
          Review_Cadence__c: 'Quarterly',
          Last_Review_Date__c: lastReview && lastReview <= asOf ? lastReview : null,
          Next_Review_Date__c: fy === currentFiscalYear ? addDays(fiscalQuarterOf(asOf, fyStart).end, 20) : null,
          Partner_Contact__c: ref('Contact', profile.contactKey),
          Executive_Sponsor__c: ref('User', profile.managerKey),
          Accepted_By__c: accepted ? ref('User', profile.managerKey) : null,
          Accepted_On__c: accepted ? `${addDays(period.start, -10)}T16:00:00.000Z` : null,
          Version__c: status === 'In Revision' ? 2 : 1,
          Budget__c: budget,
          Actual_Cost__c: actualCost,
        },
      });
      const owners: Record<string, string> = {
        'Sales Objectives': profile.aeKey,
        Marketing: profile.managerKey,
        'Training and Certification': profile.managerKey,
        'Joint Investment': profile.managerKey,
        'Action Plan': profile.aeKey,
      };
      SECTION_TYPES.forEach((type, i) => {
        sectionRecords.push({
          sobject: 'Plan_Section__c',
          key: `${planKey}-sec-${i + 1}`,
          fields: {
            Name: type,
            Partner_Account_Plan__c: ref('Partner_Account_Plan__c', planKey),
            Section_Type__c: type,
            Summary__c: sectionSummary(type, profile),
            Sort_Order__c: (i + 1) * 10,
            Section_Owner__c: ref('User', owners[type]),
            Status__c: fy < currentFiscalYear ? 'Complete' : fy > currentFiscalYear ? 'Not Started' : 'In Progress',
            Budget__c:
              type === 'Marketing'
                ? Math.round(budget * 0.4)
                : type === 'Joint Investment'
                  ? Math.round(budget * 0.6)
                  : null,
          },
        });
      });
      const sectionKey = (type: (typeof SECTION_TYPES)[number]): string =>
        `${planKey}-sec-${SECTION_TYPES.indexOf(type) + 1}`;
      const target = (
        section: (typeof SECTION_TYPES)[number],
        metric: string,
        periodType: 'Quarter' | 'Year',
        start: IsoDate,
        end: IsoDate,
        value: number,
        suffix: string,
        weight: number,
        targetAccountKey?: string,
      ): void => {
        const revised = accepted && fy === currentFiscalYear && rng.chance(0.15);
        const baseline = accepted ? value : null;
        targetRecords.push({
          sobject: 'Plan_Target__c',
          key: `${planKey}-tgt-${metric}-${suffix}`,
          fields: {
            Plan_Section__c: ref('Plan_Section__c', sectionKey(section)),
            Metric__c: metric,
            Period_Type__c: periodType,
            Period_Start__c: start,
            Period_End__c: end,
            Target_Value__c: revised ? revise(value, 0.8 + rng.next() * 0.4) : value,
            Baseline_Target_Value__c: baseline,
            Revision_Reason__c: revised ? rng.pick(REVISION_REASONS) : null,
            Accountable_AE__c: ref('User', profile.aeKey),
            Accountable_Partner_Manager__c: ref('User', profile.managerKey),
            Target_Account__c: targetAccountKey ? ref('Account', targetAccountKey) : null,
            Weight__c: weight,
          },
        });
      };
      let yearRevenue = 0;
      for (let q = 1; q <= 4; q++) {
        const quarter = shiftQuarter(period.start, q - 1, fyStart);
        const revenue = roundTarget(expectedWins * meanDeal * (0.95 + rng.next() * 0.3));
        yearRevenue += revenue;
        const suffix = `q${q}`;
        target('Sales Objectives', 'Closed_Won_Revenue', 'Quarter', quarter.start, quarter.end, revenue, suffix, 3);
        target(
          'Sales Objectives',
          'Closed_Won_Deals',
          'Quarter',
          quarter.start,
          quarter.end,
          Math.max(1, Math.round(expectedWins * 1.1)),
          suffix,
          2,
        );
        target(
          'Sales Objectives',
          'Deal_Registrations',
          'Quarter',
          quarter.start,
          quarter.end,
          Math.max(1, Math.round(scale.opportunitiesPerQuarter * 0.4)),
          suffix,
          1,
        );
        target('Marketing', 'Campaign_Actions', 'Quarter', quarter.start, quarter.end, 2, suffix, 1);
        target(
          'Training and Certification',
          'Trainings_Delivered',
          'Quarter',
          quarter.start,
          quarter.end,
          Math.max(1, Math.round(1.5 * 1.2)),
          suffix,
          1,
        );
        target(
          'Training and Certification',
          'Certifications_Earned',
          'Quarter',
          quarter.start,
          quarter.end,
          2,
          suffix,
          1,
        );
        target(
          'Action Plan',
          'Joint_Calls',
          'Quarter',
          quarter.start,
          quarter.end,
          Math.max(2, Math.round(scale.opportunitiesPerQuarter * scale.actionsPerOpportunity * 0.35)),
          suffix,
          1,
        );
      }
      target('Sales Objectives', 'Closed_Won_Revenue', 'Year', period.start, period.end, yearRevenue, 'year', 3);
      target('Sales Objectives', 'Win_Rate', 'Year', period.start, period.end, 35, 'year', 1);
      target(
        'Joint Investment',
        'Marketing_Spend',
        'Year',
        period.start,
        period.end,
        Math.round(budget * 0.4),
        'year',
        1,
      );
      // Two key customer accounts per plan carry their own revenue targets.
      for (const c of [0, 1]) {
        const customerKey = profile.customerKeys[c % profile.customerKeys.length];
        target(
          'Sales Objectives',
          'Closed_Won_Revenue',
          'Year',
          period.start,
          period.end,
          roundTarget(yearRevenue * 0.15),
          `acct${c + 1}`,
          2,
          customerKey,
        );
      }
    }
  }

  /** Opportunities and their actions for one partner, from that partner's own random stream. */
  function partnerOpportunities(profile: PartnerProfile): PartnerChunk {
    const rng = root.fork(`opps-${profile.index}`);
    const opportunities: SeedRecord[] = [];
    const actions: SeedRecord[] = [];
    // The AE accountable for the plan's targets, and every AE who owns one of the partner's deals.
    const aes = new Set<string>([profile.aeKey]);
    quarters.forEach((quarter) => {
      const count = rng.poisson(scale.opportunitiesPerQuarter);
      for (let n = 0; n < count; n++) {
        const oppKey = key('opp', pad(profile.index + 1, 5), `${quarter.fiscalYear}q${quarter.quarter}`, pad(n + 1, 3));
        const closeDate = addDays(quarter.start, rng.int(0, daysBetween(quarter.start, quarter.end)));
        const customerKey = rng.pick(profile.customerKeys);
        const ownerKey = rng.chance(0.8) ? profile.aeKey : profile.secondAeKey;
        aes.add(ownerKey);
        const amount = Math.max(1000, Math.round(rng.logNormal(MEDIAN_DEAL[profile.tier], DEAL_SIGMA) / 100) * 100);
        const actionCount = rng.poisson(scale.actionsPerOpportunity * profile.intensity);
        // A few deals in the current quarter slip: past their close date but still open, and going stale.
        const slipped = closeDate < asOf && quarter.end >= asOf && rng.chance(0.25);
        const closed = closeDate < asOf && !slipped;
        const won = closed && rng.chance(winProbability(actionCount, profile.intensity, rng.normal() * 0.05));
        const stage = closed ? (won ? 'Closed Won' : 'Closed Lost') : openStage(rng, daysBetween(asOf, closeDate));
        opportunities.push({
          sobject: 'Opportunity',
          key: oppKey,
          fields: {
            Name: `${PRODUCTS[rng.int(0, PRODUCTS.length - 1)]} - ${profile.name}`,
            AccountId: ref('Account', customerKey),
            Partner_Account__c: ref('Account', profile.key),
            OwnerId: ref('User', ownerKey),
            StageName: stage,
            CloseDate: closeDate,
            Amount: amount,
            Type: rng.chance(0.6) ? 'New Customer' : 'Existing Customer - Upgrade',
            LeadSource: 'Partner Referral',
          },
        });
        // Actions happen in the 90 days before the close date, never after today.
        const last = closeDate < asOf ? closeDate : asOf;
        const first = addDays(last, -90);
        for (let a = 0; a < actionCount; a++) {
          const date = addDays(first, rng.int(0, 90));
          const type = a === 0 && rng.chance(0.5) ? 'Deal Registration' : rng.weighted(OPPORTUNITY_ACTIONS);
          const byAe = rng.chance(0.55);
          const fy = fiscalYearOf(date, fyStart);
          const dateQuarter = fiscalQuarterOf(date, fyStart);
          const planKey = key('plan', pad(profile.index + 1, 5), fy);
          const metric =
            type === 'Joint Call' ? 'Joint_Calls' : type === 'Deal Registration' ? 'Deal_Registrations' : null;
          const inWindow = fiscalYears.includes(fy);
          actions.push({
            sobject: 'APR_Action__c',
            key: `${oppKey}-act-${pad(a + 1, 2)}`,
            fields: {
              Opportunity__c: ref('Opportunity', oppKey),
              Partner_Account__c: ref('Account', profile.key),
              Partner_Account_Plan__c: inWindow ? ref('Partner_Account_Plan__c', planKey) : null,
              Plan_Target__c:
                inWindow && metric
                  ? ref(
                      'Plan_Target__c',
                      `${planKey}-tgt-${metric}-q${quarterIndexInYear(dateQuarter.start, fy, fyStart)}`,
                    )
                  : null,
              Actor__c: ref('User', byAe ? ownerKey : profile.managerKey),
              OwnerId: ref('User', byAe ? ownerKey : profile.managerKey),
              Actor_Role__c: byAe ? 'AE' : 'Partner Manager',
              Action_Type__c: type,
              Action_Date__c: date,
              Quantity__c: 1,
              Outcome__c: won
                ? rng.weighted([
                    ['Positive', 7],
                    ['Neutral', 3],
                  ] as const)
                : rng.weighted([
                    ['Positive', 3],
                    ['Neutral', 4],
                    ['Negative', 2],
                    ['Pending', 1],
                  ] as const),
              Next_Step__c: closed ? null : 'Follow up with the customer sponsor',
            },
          });
        }
      }
    });
    const planShares = fiscalYears.map((fy) => ({
      planKey: key('plan', pad(profile.index + 1, 5), fy),
      userKeys: [...aes].sort(),
    }));
    return { opportunities, actions, planShares };
  }

  return {
    options,
    keyPrefix,
    users,
    levels: [
      { sobject: 'Account', records: [...partnerRecords, ...customerRecords] },
      { sobject: 'Contact', records: contactRecords },
      { sobject: 'Partner_Account_Plan__c', records: planRecords },
      { sobject: 'Plan_Section__c', records: sectionRecords },
      { sobject: 'Plan_Target__c', records: targetRecords },
      { sobject: 'APR_Action__c', records: partnerActionRecords },
    ],
    *chunks(partnersPerChunk: number): Generator<PartnerChunk> {
      for (let i = 0; i < profiles.length; i += partnersPerChunk) {
        const chunk: PartnerChunk = { opportunities: [], actions: [], planShares: [] };
        for (const profile of profiles.slice(i, i + partnersPerChunk)) {
          const { opportunities, actions, planShares } = partnerOpportunities(profile);
          chunk.opportunities.push(...opportunities);
          chunk.actions.push(...actions);
          chunk.planShares.push(...planShares);
        }
        yield chunk;
      }
    },
    estimate: {
      opportunities: Math.round(scale.partners * scale.opportunitiesPerQuarter * quarters.length),
      partnerCount: scale.partners,
    },
  };
}

/** A revised target: money keeps its round figures, counts stay whole and at least 1. */
function revise(value: number, factor: number): number {
  return value >= 1000 ? roundTarget(value * factor) : Math.max(1, Math.round(value * factor));
}

function roundTarget(value: number): number {
  const magnitude = value >= 100_000 ? 5000 : value >= 10_000 ? 1000 : 100;
  return Math.max(magnitude, Math.round(value / magnitude) * magnitude);
}

function quarterIndexInYear(quarterStart: IsoDate, fiscalYear: number, fyStart: number): number {
  const yearStart = fiscalYearPeriod(fiscalYear, fyStart).start;
  const months =
    (parseIso(quarterStart).year - parseIso(yearStart).year) * 12 +
    parseIso(quarterStart).month -
    parseIso(yearStart).month;
  return Math.floor(months / 3) + 1;
}

/** Later stages for deals closing soon, early stages for deals further out. */
function openStage(rng: Random, daysToClose: number): string {
  const reach = daysToClose < 30 ? [4, 7] : daysToClose < 90 ? [2, 6] : [0, 3];
  return OPEN_STAGES[rng.int(reach[0], reach[1])];
}

function sectionSummary(type: string, profile: PartnerProfile): string {
  switch (type) {
    case 'Sales Objectives':
      return `Grow closed-won revenue with ${profile.name} every quarter, register every partner-sourced deal, and win at two named target accounts.`;
    case 'Marketing':
      return 'One outbound email campaign and one call blitz per quarter to the joint target list; a trade show presence in the partner region.';
    case 'Training and Certification':
      return `Deliver sales and technical enablement to ${profile.name} each quarter and certify at least two people per quarter.`;
    case 'Joint Investment':
      return 'Market development funds matched by the partner; spend reviewed at every QBR, overruns escalated to the executive sponsor.';
    default:
      return 'Weekly AE and partner pipeline call; the partner manager covers when the AE is out; progress reviewed at each QBR.';
  }
}

function coachingNote(rng: Random, profile: PartnerProfile): string {
  return rng.pick([
    `Reviewed stalled deals with the AE for ${profile.name}; agreed to book joint calls on the two oldest.`,
    'Role-played the discovery call; next time lead with the customer business case.',
    'Pipeline coverage is thin for next quarter: plan a call blitz with the partner.',
    'Deal registrations are behind target: remind the partner reps of the registration benefits.',
    'Good quarter so far; keep the weekly cadence and prepare the QBR deck early.',
  ]);
}

/**
 * Phase 2 of the rollup, plan aggregates (pure, no I/O): from the catalog and the targets, which metric
 * values are needed for which periods, partners, people and customer accounts, which metrics cannot be
 * computed at all, and which periods can share one query grouped by calendar month.
 */
import { definitionProblems, type MetricDefinition } from './catalog';
import { norm, periodKey } from './soql';
import { partnerOf } from './targets';
import type { TargetRow } from './types';

export interface AggregatePlan {
  /** metric -> period key (`start..end`) -> customer account Ids the targets of that period name. */
  needed: Map<string, Map<string, Set<string>>>;
  /** metric -> partner -> accountable people its targets name, to size the month-grouped queries' batches. */
  partnersOf: Map<string, Map<string, Set<string>>>;
  /** metric -> why it cannot be computed; the run adds the metrics whose queries fail. */
  errors: Map<string, string>;
}

/** The people whose records count for a target, or undefined for everyone at the partner. */
export function peopleFor(metric: MetricDefinition, target: TargetRow): string[] | undefined {
  const ae = target.Accountable_AE__c ? norm(target.Accountable_AE__c) : undefined;
  const pm = target.Accountable_Partner_Manager__c ? norm(target.Accountable_Partner_Manager__c) : undefined;
  switch (metric.accountablePerson) {
    case 'AE':
      return ae ? [ae] : undefined;
    case 'Partner Manager':
      return pm ? [pm] : undefined;
    case 'AE or Partner Manager': {
      const people = [ae, pm].filter((p): p is string => p !== undefined);
      return people.length > 0 ? [...new Set(people)] : undefined;
    }
    default:
      return undefined;
  }
}

/** Which metric values are needed, per period: each target's metric, and the parts of ratio metrics. */
export function planAggregates(catalog: Map<string, MetricDefinition>, targets: TargetRow[]): AggregatePlan {
  const needed = new Map<string, Map<string, Set<string>>>();
  const errors = new Map<string, string>();
  const partnersOf = new Map<string, Map<string, Set<string>>>();
  const require = (name: string, t: TargetRow): void => {
    const [start, end, customer] = [t.Period_Start__c, t.Period_End__c, t.Target_Account__c];
    const partners = partnersOf.get(name) ?? new Map<string, Set<string>>();
    const partner = partnerOf(t);
    const people = partners.get(partner) ?? new Set<string>();
    const part = catalog.get(name);
    for (const person of (part && peopleFor(part, t)) ?? []) people.add(person);
    if (partner) partners.set(partner, people);
    partnersOf.set(name, partners);
    const periods = needed.get(name) ?? new Map<string, Set<string>>();
    const customers = periods.get(periodKey(start, end)) ?? new Set<string>();
    if (customer) customers.add(norm(customer));
    periods.set(periodKey(start, end), customers);
    needed.set(name, periods);
  };
  for (const metric of catalog.values()) {
    const problems = definitionProblems(metric, catalog);
    if (problems.length) errors.set(metric.name, problems.join('; '));
  }
  for (const t of targets) {
    const metric = catalog.get(t.Metric__c);
    if (!metric) {
      // Reported like any failed metric, so the summary names it and the targets that use it.
      errors.set(t.Metric__c, `no active metric named ${t.Metric__c} in the catalog`);
      needed.set(t.Metric__c, needed.get(t.Metric__c) ?? new Map());
      continue;
    }
    if (metric.aggregate === 'RATIO') {
      for (const part of [metric.numerator, metric.denominator]) if (part) require(part, t);
    } else {
      require(metric.name, t);
    }
  }
  return { needed, partnersOf, errors };
}

/** A period of whole calendar months (from a 1st to a month's last day), as month numbers year * 12 + month - 1. */
export function monthSpan(start: string, end: string): { first: number; last: number } | undefined {
  const s = /^(\d{4})-(\d{2})-01$/.exec(start);
  const e = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end);
  if (!s || !e) return undefined;
  const [ey, em, ed] = [Number(e[1]), Number(e[2]), Number(e[3])];
  const lastDay = new Date(Date.UTC(ey, em, 0)).getUTCDate(); // day 0 of the next month
  const first = Number(s[1]) * 12 + Number(s[2]) - 1;
  const last = ey * 12 + em - 1;
  return ed === lastDay && last >= first ? { first, last } : undefined;
}

/**
 * Whether a metric's month cells add up exactly into any period of whole months: COUNT_DISTINCT does not add
 * up, and datetime fields are left to per-period queries so boundaries never depend on how an org buckets
 * a datetime into a month (UTC by default, the user's time zone under convertTimezone()).
 */
export const monthly = (metric: MetricDefinition, dateType: string): boolean =>
  dateType === 'date' && ['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'].includes(metric.aggregate);

/** A period of whole months, by its key and its month numbers. */
export interface MonthPeriod {
  key: string;
  first: number;
  last: number;
}

/** The periods of whole months among a metric's periods, and every customer account those periods name. */
export function wholeMonthPeriods(periods: Map<string, Set<string>>): { whole: MonthPeriod[]; customers: string[] } {
  const whole: MonthPeriod[] = [];
  const customers = new Set<string>();
  for (const [period, periodCustomers] of periods) {
    const [start, end] = period.split('..');
    const span = monthSpan(start, end);
    if (!span) continue;
    whole.push({ key: period, ...span });
    for (const c of periodCustomers) customers.add(c);
  }
  return { whole, customers: [...customers] };
}

/** partner -> how many people its targets of a metric name (at least 1): the weight of its month groups. */
export function partnerWeights(plan: AggregatePlan, metric: string): Map<string, number> {
  return new Map(
    [...(plan.partnersOf.get(metric) ?? new Map<string, Set<string>>())].map(([p, people]) => [p, people.size || 1]),
  );
}

import {
  nextPlanYear,
  planExternalKey,
  rolloverBlueprint,
  standardPlanPeriods,
  type SourcePlan,
  type SourceSection,
  type SourceTarget,
  type TargetSpec,
} from 'c/planYear';

// FY2027 runs Feb 2026 - Jan 2027 (named by the year it ends in); it rolls over to FY2028.
const FROM = standardPlanPeriods({ start: '2026-02-01', end: '2027-01-31' });
const NEXT = nextPlanYear(FROM.year, 'FY2027');
const TO = standardPlanPeriods(NEXT.span);

const PLAN: SourcePlan = {
  id: 'plan-1',
  name: 'Acme Corp FY2027 Plan',
  externalKey: 'PLAN-ACC-001-FY2027',
  partnerAccountId: 'acc-1',
  partnerKey: 'ACC-001',
  fiscalYear: 'FY2027',
  periodStart: '2026-02-01',
  periodEnd: '2027-01-31',
  reviewCadence: 'Monthly',
  ownerId: 'user-pm',
  fields: { Vision__c: 'Lead the region', Budget__c: 50000, Partner_Contact__c: 'con-1' },
};

const section = (id: string, name: string, sortOrder: number | null): SourceSection => ({
  id,
  name,
  sectionType: name,
  summary: `${name} summary`,
  sortOrder,
  visibleToPartner: id !== 'sec-mkt',
  budget: id === 'sec-mkt' ? 1200 : null,
  sectionOwnerId: id === 'sec-sales' ? 'user-ae' : null,
});
const SECTIONS = [
  section('sec-mkt', 'Marketing', 20),
  section('sec-enable', 'Enablement', null),
  section('sec-sales', 'Sales', 5),
];

const target = (id: string, fields: Partial<SourceTarget>): SourceTarget => ({
  id,
  sectionId: 'sec-sales',
  externalKey: null,
  metric: 'Won_Revenue',
  periodType: 'Quarter',
  periodStart: FROM.year.start,
  periodEnd: FROM.year.end,
  targetValue: 0,
  actualValue: null,
  aeId: 'user-ae',
  partnerManagerId: 'user-pm',
  targetAccountId: null,
  weight: 2,
  parentTargetId: null,
  splitProfile: null,
  ...fields,
});
const quarter = (q: number, targetValue: number, actualValue: number): SourceTarget =>
  target(`t-q${q + 1}`, {
    periodStart: FROM.quarters[q].start,
    periodEnd: FROM.quarters[q].end,
    targetValue,
    actualValue,
    parentTargetId: 't-year',
  });

const YEAR = target('t-year', {
  periodType: 'Year',
  targetValue: 1000,
  actualValue: 666.67,
  splitProfile: 'Back_Loaded',
  targetAccountId: 'acc-customer',
});
const RATE = target('t-rate', {
  sectionId: 'sec-mkt',
  metric: 'Win_Rate',
  periodStart: '2026-05-01',
  periodEnd: '2026-07-31',
  targetValue: 40,
  actualValue: 30,
});
const OTHER = target('t-other', {
  sectionId: 'sec-mkt',
  metric: 'Deals',
  periodType: null,
  periodStart: '2026-03-15',
  periodEnd: '2026-06-30',
  targetValue: 10.5,
  actualValue: 3.25,
  weight: null,
});
const MONTH = target('t-month', {
  sectionId: 'sec-enable',
  metric: 'Certifications',
  periodType: 'Month',
  periodStart: '2026-02-01',
  periodEnd: '2026-02-28',
  targetValue: 5,
  actualValue: 6,
});
const ORPHAN = target('t-orphan', { sectionId: 'sec-deleted', targetValue: 1 });
// Out of order on purpose: the blueprint orders by section, then parents before their parts.
const TARGETS = [
  quarter(2, 270, 100),
  OTHER,
  quarter(0, 200, 150),
  YEAR,
  RATE,
  quarter(3, 300, 216.67),
  MONTH,
  quarter(1, 230, 200),
  ORPHAN,
];

const METRICS = {
  Won_Revenue: { direction: 'Higher is better', shape: 'Cumulative' },
  Win_Rate: { direction: 'Higher is better', shape: 'Rate' },
  Deals: { direction: null, shape: null },
};

const roll = (carryShortfall: boolean, extra: { name?: string; plan?: Partial<SourcePlan> } = {}) =>
  rolloverBlueprint(
    { plan: { ...PLAN, ...extra.plan }, sections: SECTIONS, targets: TARGETS },
    { periods: TO, fiscalYear: NEXT.fiscalYear, from: FROM },
    { carryShortfall, metrics: METRICS, ...(extra.name ? { name: extra.name } : {}) },
  );

const byPrevious = (targets: TargetSpec[], id: string): TargetSpec => {
  const found = targets.find((t) => t.previousTargetId === id);
  if (!found) throw new Error(`no target rolled over from ${id}`);
  return found;
};
const cents = (value: number): number => Math.round(value * 100);

describe('rolloverBlueprint: the plan', () => {
  it("is the partner's plan for the next fiscal year, linked to the previous one", () => {
    const { plan } = roll(false);
    expect(plan).toEqual({
      externalKey: 'PLAN-ACC-001-FY2028',
      name: 'Acme Corp FY2028 Plan',
      fiscalYear: 'FY2028',
      periodStart: '2027-02-01',
      periodEnd: '2028-01-31',
      partnerAccountId: 'acc-1',
      reviewCadence: 'Monthly',
      ownerId: 'user-pm',
      previousPlanId: 'plan-1',
      template: null,
      fields: { Vision__c: 'Lead the region', Budget__c: 50000, Partner_Contact__c: 'con-1' },
    });
    expect(plan.externalKey).toBe(planExternalKey('ACC-001', 'FY2028'));
    expect(plan.fields).not.toBe(PLAN.fields);
  });

  it('takes a given name, else appends the new year to a name without the old one', () => {
    expect(roll(false, { name: 'Acme 2028 growth plan' }).plan.name).toBe('Acme 2028 growth plan');
    expect(roll(false, { plan: { name: 'Acme growth plan' } }).plan.name).toBe('Acme growth plan (FY2028)');
    expect(roll(false, { plan: { name: 'Acme growth plan', fiscalYear: null } }).plan.name).toBe(
      'Acme growth plan (FY2028)',
    );
  });

  it('keeps a long name within 80 characters, cutting the old name rather than the year', () => {
    const name = roll(false, { plan: { name: 'A'.repeat(79) } }).plan.name;
    expect(name).toHaveLength(80);
    expect(name.endsWith(' (FY2028)')).toBe(true);
  });

  it('is keyed and named by its start date when the next year has no name', () => {
    const blueprint = rolloverBlueprint(
      { plan: { ...PLAN, fiscalYear: null, name: 'Acme plan' }, sections: [], targets: [] },
      { periods: TO, fiscalYear: null, from: FROM },
      { carryShortfall: false, metrics: {} },
    );
    expect(blueprint.plan.externalKey).toBe('PLAN-ACC-001-2027-02-01');
    expect(blueprint.plan.name).toBe('Acme plan (2027-02-01 – 2028-01-31)');
    expect(blueprint.plan.fiscalYear).toBeNull();
    expect(blueprint.sections).toEqual([]);
    expect(blueprint.targets).toEqual([]);
  });
});

describe('rolloverBlueprint: sections', () => {
  it('keeps them in sort order (blank last), renumbered 10, 20, 30, with their content', () => {
    const { sections } = roll(false);
    expect(sections).toEqual([
      {
        ref: 'PLAN-ACC-001-FY2028-S01',
        externalKey: 'PLAN-ACC-001-FY2028-S01',
        name: 'Sales',
        sectionType: 'Sales',
        summary: 'Sales summary',
        sortOrder: 10,
        visibleToPartner: true,
        budget: null,
        sectionOwnerId: 'user-ae',
      },
      {
        ref: 'PLAN-ACC-001-FY2028-S02',
        externalKey: 'PLAN-ACC-001-FY2028-S02',
        name: 'Marketing',
        sectionType: 'Marketing',
        summary: 'Marketing summary',
        sortOrder: 20,
        visibleToPartner: false,
        budget: 1200,
        sectionOwnerId: null,
      },
      {
        ref: 'PLAN-ACC-001-FY2028-S03',
        externalKey: 'PLAN-ACC-001-FY2028-S03',
        name: 'Enablement',
        sectionType: 'Enablement',
        summary: 'Enablement summary',
        sortOrder: 30,
        visibleToPartner: true,
        budget: null,
        sectionOwnerId: null,
      },
    ]);
  });
});

describe('rolloverBlueprint: targets', () => {
  it('orders them by section, each year target followed by its parts, and keys them in that order', () => {
    const { targets } = roll(false);
    expect(targets.map((t) => [t.externalKey, t.previousTargetId])).toEqual([
      ['PLAN-ACC-001-FY2028-T001', 't-year'],
      ['PLAN-ACC-001-FY2028-T002', 't-q1'],
      ['PLAN-ACC-001-FY2028-T003', 't-q2'],
      ['PLAN-ACC-001-FY2028-T004', 't-q3'],
      ['PLAN-ACC-001-FY2028-T005', 't-q4'],
      ['PLAN-ACC-001-FY2028-T006', 't-other'],
      ['PLAN-ACC-001-FY2028-T007', 't-rate'],
      ['PLAN-ACC-001-FY2028-T008', 't-month'],
    ]);
    targets.forEach((t) => expect(t.ref).toBe(t.externalKey));
    // The target of a section that was not given is left out.
    expect(targets.some((t) => t.previousTargetId === 't-orphan')).toBe(false);
  });

  it('maps sections and parents to their refs in the blueprint', () => {
    const { targets, sections } = roll(false);
    const year = byPrevious(targets, 't-year');
    expect(year.sectionRef).toBe(sections[0].ref);
    expect(year.parentRef).toBeNull();
    for (const id of ['t-q1', 't-q2', 't-q3', 't-q4']) {
      expect(byPrevious(targets, id).parentRef).toBe(year.ref);
      expect(byPrevious(targets, id).sectionRef).toBe(sections[0].ref);
    }
    expect(byPrevious(targets, 't-other').sectionRef).toBe(sections[1].ref);
    expect(byPrevious(targets, 't-month').sectionRef).toBe(sections[2].ref);
    const refs = targets.map((t) => t.ref);
    const parentsBefore = targets.every((t, i) => t.parentRef === null || refs.indexOf(t.parentRef) < i);
    expect(parentsBefore).toBe(true);
  });

  it('re-dates every period into the next year and copies the people, account, weight and profile', () => {
    const { targets } = roll(false);
    expect(byPrevious(targets, 't-year')).toEqual({
      ref: 'PLAN-ACC-001-FY2028-T001',
      sectionRef: 'PLAN-ACC-001-FY2028-S01',
      parentRef: null,
      externalKey: 'PLAN-ACC-001-FY2028-T001',
      metric: 'Won_Revenue',
      periodType: 'Year',
      periodStart: '2027-02-01',
      periodEnd: '2028-01-31',
      targetValue: 1000,
      carriedShortfall: null,
      previousTargetId: 't-year',
      aeId: 'user-ae',
      partnerManagerId: 'user-pm',
      targetAccountId: 'acc-customer',
      weight: 2,
      splitProfile: 'Back_Loaded',
    });
    expect(targets.map((t) => [t.periodType, t.periodStart, t.periodEnd])).toEqual([
      ['Year', '2027-02-01', '2028-01-31'],
      ['Quarter', '2027-02-01', '2027-04-30'],
      ['Quarter', '2027-05-01', '2027-07-31'],
      ['Quarter', '2027-08-01', '2027-10-31'],
      ['Quarter', '2027-11-01', '2028-01-31'],
      // A blank type is read from the span: 3.5 months is a Quarter; the span shifts by 12 months.
      ['Quarter', '2027-03-15', '2027-06-30'],
      ['Quarter', '2027-05-01', '2027-07-31'],
      ['Month', '2027-02-01', '2027-02-28'],
    ]);
    expect(byPrevious(targets, 't-other').weight).toBeNull();
  });

  it('carries nothing without carryShortfall', () => {
    const { targets } = roll(false);
    targets.forEach((t) => expect(t.carriedShortfall).toBeNull());
    expect(targets.map((t) => t.targetValue)).toEqual([1000, 200, 230, 270, 300, 10.5, 40, 5]);
  });
});

describe('rolloverBlueprint: carried shortfall', () => {
  it('adds and records each carryable shortfall', () => {
    const { targets } = roll(true);
    // 10.5 - 3.25: a metric with a blank direction and shape reads as higher-is-better cumulative.
    expect(byPrevious(targets, 't-other')).toMatchObject({ targetValue: 17.75, carriedShortfall: 7.25 });
    // A rate is not carried.
    expect(byPrevious(targets, 't-rate')).toMatchObject({ targetValue: 40, carriedShortfall: null });
    // An unknown metric reads as higher-is-better cumulative too; overachieved, it carries 0.
    expect(byPrevious(targets, 't-month')).toMatchObject({ targetValue: 5, carriedShortfall: 0 });
  });

  it("spreads a year target's shortfall over its parts by their values, so the parts still sum to the year", () => {
    const { targets } = roll(true);
    const year = byPrevious(targets, 't-year');
    // 1000 - 666.67 = 333.33 over parts of 200/230/270/300: 66.666, 76.666, 89.999 and 99.999 in whole cents,
    // the 3 cents left to the largest remainders (89.999, 99.999, 66.666): 66.67, 76.66, 90 and 100.
    expect(year).toMatchObject({ targetValue: 1333.33, carriedShortfall: 333.33 });
    const parts = ['t-q1', 't-q2', 't-q3', 't-q4'].map((id) => byPrevious(targets, id));
    expect(parts.map((p) => p.carriedShortfall)).toEqual([66.67, 76.66, 90, 100]);
    expect(parts.map((p) => p.targetValue)).toEqual([266.67, 306.66, 360, 400]);
    expect(parts.reduce((sum, p) => sum + cents(p.targetValue), 0)).toBe(cents(year.targetValue));
    expect(parts.reduce((sum, p) => sum + cents(p.carriedShortfall ?? 0), 0)).toBe(cents(333.33));
  });

  it("never carries a part's own shortfall", () => {
    // Q1 fell 50 short on its own; it carries only its share of the year's shortfall.
    const q1 = byPrevious(roll(true).targets, 't-q1');
    expect(q1.carriedShortfall).toBe(66.67);
  });

  it("leaves the parts as they are when the year's metric is not carried or the year has no actual", () => {
    const noActual = rolloverBlueprint(
      {
        plan: PLAN,
        sections: SECTIONS,
        targets: TARGETS.map((t) => (t.id === 't-year' ? { ...t, actualValue: null } : t)),
      },
      { periods: TO, fiscalYear: NEXT.fiscalYear, from: FROM },
      { carryShortfall: true, metrics: METRICS },
    );
    const sales = noActual.targets.slice(0, 5);
    expect(sales.map((t) => [t.targetValue, t.carriedShortfall])).toEqual([
      [1000, null],
      [200, null],
      [230, null],
      [270, null],
      [300, null],
    ]);
  });

  it('spreads evenly over parts that are all zero', () => {
    const zeroParts = TARGETS.map((t) => (t.parentTargetId === 't-year' ? { ...t, targetValue: 0 } : t));
    const { targets } = rolloverBlueprint(
      { plan: PLAN, sections: SECTIONS, targets: zeroParts },
      { periods: TO, fiscalYear: NEXT.fiscalYear, from: FROM },
      { carryShortfall: true, metrics: METRICS },
    );
    expect(targets.slice(1, 5).map((t) => t.targetValue)).toEqual([83.34, 83.33, 83.33, 83.33]);
  });

  it('keeps every carried amount within its new value (the Carried_Shortfall_Within_Value rule)', () => {
    const carrying = roll(true).targets.filter((t) => t.carriedShortfall !== null);
    expect(carrying).toHaveLength(7);
    for (const t of carrying) {
      expect(t.carriedShortfall).toBeGreaterThanOrEqual(0);
      expect(t.carriedShortfall).toBeLessThanOrEqual(t.targetValue);
    }
  });
});

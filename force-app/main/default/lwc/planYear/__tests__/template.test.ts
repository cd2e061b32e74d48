import { standardPlanPeriods, templateBlueprint, type SeasonalProfile, type TemplateDef } from 'c/planYear';

const PROFILES: Record<string, SeasonalProfile> = {
  Even: { name: 'Even', label: 'Even', quarterShares: [25, 25, 25, 25] },
  Back_Loaded: { name: 'Back_Loaded', label: 'Back-loaded', quarterShares: [20, 23, 27, 30] },
};

// Out of order on purpose: sections and targets follow their sort orders.
const GOLD: TemplateDef = {
  name: 'Gold',
  label: 'Gold partner plan',
  tier: 'Gold',
  reviewCadence: 'Quarterly',
  sections: [
    {
      name: 'Gold_Enablement',
      label: 'Enablement',
      sectionType: 'Enablement',
      summary: 'Certify the team.',
      sortOrder: 30,
      visibleToPartner: true,
      targets: [
        {
          metric: 'Certifications',
          periodType: 'Month',
          defaultValue: 1000,
          splitProfile: 'Nope',
          weight: 1,
          sortOrder: 10,
        },
      ],
    },
    {
      name: 'Gold_Sales_Objectives',
      label: 'Sales Objectives',
      sectionType: 'Sales',
      summary: null,
      sortOrder: 10,
      visibleToPartner: false,
      targets: [
        {
          metric: 'Won_Revenue',
          periodType: 'Quarter',
          defaultValue: 100000,
          splitProfile: 'Back_Loaded',
          weight: 2,
          sortOrder: 20,
        },
        { metric: 'New_Deals', periodType: 'Year', defaultValue: 12, splitProfile: null, weight: null, sortOrder: 10 },
      ],
    },
    {
      name: 'Gold_Notes',
      label: 'Notes',
      sectionType: 'Other',
      summary: 'Free notes.',
      sortOrder: 40,
      visibleToPartner: false,
      targets: [],
    },
  ],
};
const PARTNER = { id: 'acc-7', key: 'ACC-007', name: 'Globex' };
const YEAR = { periods: standardPlanPeriods({ start: '2027-01-01', end: '2027-12-31' }), fiscalYear: 'FY2027' };
const KEY = 'PLAN-ACC-007-FY2027';

const build = () => templateBlueprint(GOLD, PARTNER, YEAR, PROFILES, 'user-pm');

describe('templateBlueprint', () => {
  it("makes the partner's plan for the fiscal year, recording the template", () => {
    expect(build().plan).toEqual({
      externalKey: KEY,
      name: 'Globex FY2027 Plan',
      fiscalYear: 'FY2027',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      partnerAccountId: 'acc-7',
      reviewCadence: 'Quarterly',
      ownerId: 'user-pm',
      previousPlanId: null,
      template: 'Gold',
      fields: {},
    });
  });

  it('makes the sections in template order, renumbered, with their labels and summaries', () => {
    expect(build().sections).toEqual([
      {
        ref: `${KEY}-S01`,
        externalKey: `${KEY}-S01`,
        name: 'Sales Objectives',
        sectionType: 'Sales',
        summary: null,
        sortOrder: 10,
        visibleToPartner: false,
        budget: null,
        sectionOwnerId: null,
      },
      {
        ref: `${KEY}-S02`,
        externalKey: `${KEY}-S02`,
        name: 'Enablement',
        sectionType: 'Enablement',
        summary: 'Certify the team.',
        sortOrder: 20,
        visibleToPartner: true,
        budget: null,
        sectionOwnerId: null,
      },
      {
        ref: `${KEY}-S03`,
        externalKey: `${KEY}-S03`,
        name: 'Notes',
        sectionType: 'Other',
        summary: 'Free notes.',
        sortOrder: 30,
        visibleToPartner: false,
        budget: null,
        sectionOwnerId: null,
      },
    ]);
  });

  it('makes a year target per template target and, for Quarter/Month, its parts right after it', () => {
    const { targets } = build();
    expect(targets).toHaveLength(1 + 5 + 13);
    expect(targets.map((t) => t.externalKey)).toEqual(
      Array.from({ length: 19 }, (_, i) => `${KEY}-T${String(i + 1).padStart(3, '0')}`),
    );
    expect(targets[0]).toEqual({
      ref: `${KEY}-T001`,
      sectionRef: `${KEY}-S01`,
      parentRef: null,
      externalKey: `${KEY}-T001`,
      metric: 'New_Deals',
      periodType: 'Year',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      targetValue: 12,
      carriedShortfall: null,
      previousTargetId: null,
      aeId: null,
      partnerManagerId: null,
      targetAccountId: null,
      weight: null,
      splitProfile: null,
    });
  });

  it('splits a Quarter target by its profile and records the profile on the year target', () => {
    const { targets } = build();
    expect(targets[1]).toMatchObject({
      metric: 'Won_Revenue',
      periodType: 'Year',
      targetValue: 100000,
      splitProfile: 'Back_Loaded',
      weight: 2,
      parentRef: null,
    });
    expect(targets.slice(2, 6).map((t) => [t.periodType, t.periodStart, t.periodEnd, t.targetValue])).toEqual([
      ['Quarter', '2027-01-01', '2027-03-31', 20000],
      ['Quarter', '2027-04-01', '2027-06-30', 23000],
      ['Quarter', '2027-07-01', '2027-09-30', 27000],
      ['Quarter', '2027-10-01', '2027-12-31', 30000],
    ]);
    targets
      .slice(2, 6)
      .forEach((t) =>
        expect(t).toMatchObject({ parentRef: `${KEY}-T002`, sectionRef: `${KEY}-S01`, splitProfile: null, weight: 2 }),
      );
  });

  it('splits a Month target evenly when its profile is unknown, with parts summing to the year exactly', () => {
    const { targets } = build();
    expect(targets[6]).toMatchObject({ metric: 'Certifications', targetValue: 1000, splitProfile: 'Even', weight: 1 });
    const months = targets.slice(7);
    expect(months.map((t) => t.targetValue)).toEqual([...Array(4).fill(83.34), ...Array(8).fill(83.33)]);
    expect(months.reduce((sum, t) => sum + Math.round(t.targetValue * 100), 0)).toBe(100_000);
    expect(months[1]).toMatchObject({ periodType: 'Month', periodStart: '2027-02-01', periodEnd: '2027-02-28' });
    months.forEach((t) => expect(t).toMatchObject({ parentRef: `${KEY}-T007`, sectionRef: `${KEY}-S02` }));
  });

  it("uses the plan year's own quarters for a non-January year", () => {
    const year = { periods: standardPlanPeriods({ start: '2026-02-01', end: '2027-01-31' }), fiscalYear: 'FY2027' };
    const { targets } = templateBlueprint(GOLD, PARTNER, year, PROFILES, null);
    expect(targets[5]).toMatchObject({ periodStart: '2026-11-01', periodEnd: '2027-01-31', targetValue: 30000 });
    expect(targets[7]).toMatchObject({ periodStart: '2026-02-01', periodEnd: '2026-02-28' });
  });

  it('rounds a default value to cents and makes an empty template an empty plan', () => {
    const oneTarget: TemplateDef = {
      ...GOLD,
      sections: [{ ...GOLD.sections[2], targets: [{ ...GOLD.sections[1].targets[1], defaultValue: 12.345 }] }],
    };
    expect(templateBlueprint(oneTarget, PARTNER, YEAR, PROFILES, null).targets[0].targetValue).toBe(12.35);
    const empty = templateBlueprint({ ...GOLD, sections: [] }, PARTNER, YEAR, {}, null);
    expect(empty.sections).toEqual([]);
    expect(empty.targets).toEqual([]);
    expect(empty.plan.ownerId).toBeNull();
  });
});

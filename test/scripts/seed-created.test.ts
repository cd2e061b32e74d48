/**
 * The seed's creation dates (loaded where the org takes them, see load.ts): every one before the as-of day; a
 * deal created before its first APR action and its close date; a converted lead a few days to six weeks
 * before its conversion (the load); a campaign member in the campaign's first days.
 */
import { daysBetween } from '../../packages/jobs/periods';
import { generateDataset, type SeedRecord } from '../../packages/jobs/seed/generate';
import { parseScale } from '../../packages/jobs/seed/scales';

const AS_OF = '2026-11-25';
const dataset = generateDataset({ seed: 7, scale: parseScale('small'), asOf: AS_OF, fiscalYearStartMonth: 1 });
const chunks = [...dataset.chunks(4)];
const of = (sobject: string): SeedRecord[] =>
  chunks.flatMap((c) => c.programme.filter((l) => l.sobject === sobject).flatMap((l) => l.records));
const day = (record: SeedRecord, field: string): string => String(record.fields[field] ?? '').slice(0, 10);
const refKey = (record: SeedRecord, field: string): string => {
  const value = record.fields[field];
  return value && typeof value === 'object' ? value.ref.key : '';
};

describe('creation dates in the generated data', () => {
  const opportunities = chunks.flatMap((c) => c.opportunities);
  const leads = of('Lead');
  const members = of('CampaignMember');

  it('are full date-times before the as-of day on every opportunity, lead and campaign member', () => {
    for (const record of [...opportunities, ...leads, ...members]) {
      expect(String(record.fields.CreatedDate)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
      expect([record.key, day(record, 'CreatedDate') < AS_OF]).toEqual([record.key, true]);
    }
  });

  it('open a deal three to eight months before it closes, before its first APR action', () => {
    const firstAction = new Map<string, string>();
    for (const action of chunks.flatMap((c) => c.actions)) {
      const opp = refKey(action, 'Opportunity__c');
      const date = day(action, 'Action_Date__c');
      if (!firstAction.has(opp) || date < (firstAction.get(opp) ?? '')) firstAction.set(opp, date);
    }
    const cycles: number[] = [];
    for (const opp of opportunities) {
      const created = day(opp, 'CreatedDate');
      const first = firstAction.get(opp.key);
      if (first) expect([opp.key, created <= first]).toEqual([opp.key, true]);
      if (String(opp.fields.StageName).startsWith('Closed')) cycles.push(daysBetween(created, day(opp, 'CloseDate')));
    }
    expect(Math.min(...cycles)).toBeGreaterThanOrEqual(90);
    expect(Math.max(...cycles)).toBeLessThanOrEqual(240);
  });

  it('refer a converted lead three days to six weeks before the load converts it', () => {
    const converted = new Set(chunks.flatMap((c) => c.leadConversions).map((c) => c.leadKey));
    expect(converted.size).toBeGreaterThan(0);
    for (const lead of leads.filter((l) => converted.has(l.key))) {
      const days = daysBetween(day(lead, 'CreatedDate'), AS_OF);
      expect([lead.key, days >= 3 && days <= 42]).toEqual([lead.key, true]);
    }
  });

  it("add a campaign member in the campaign's first ten days", () => {
    const starts = new Map(of('Campaign').map((c) => [c.key, day(c, 'StartDate')]));
    for (const member of members) {
      const start = starts.get(refKey(member, 'CampaignId')) ?? '';
      const days = daysBetween(start, day(member, 'CreatedDate'));
      // A campaign that started on the as-of day has its members dated the day before (never in the future).
      expect([member.key, (days >= 0 && days <= 10) || start === AS_OF]).toEqual([member.key, true]);
    }
  });
});

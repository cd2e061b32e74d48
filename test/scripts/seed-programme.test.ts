/**
 * The seed's partner programme as generated (no org): products that add up to their deals' amounts, dates
 * that never run ahead of the as-of day or of each other, some expired certifications, some campaigns over
 * budget, conversions of the dataset's own leads, references to records loaded before them, independence
 * from chunking, and the large scale's volume kept sane.
 */
import { generateDataset, type FieldValue, type SeedDataset, type SeedRecord } from '../../packages/jobs/seed/generate';
import { PROGRAMME_OBJECTS } from '../../packages/jobs/seed/programme';
import { PROGRAMME_METRICS } from '../../packages/jobs/seed/programme-targets';
import { STANDARD_PRICEBOOK } from '../../packages/jobs/seed/records';
import { parseScale, SCALES } from '../../packages/jobs/seed/scales';

const AS_OF = '2026-11-25';
const small = (): SeedDataset =>
  generateDataset({ seed: 42, scale: parseScale('small'), asOf: AS_OF, fiscalYearStartMonth: 1 });

function programme(dataset: SeedDataset, partnersPerChunk = 4) {
  const chunks = [...dataset.chunks(partnersPerChunk)];
  const of = (sobject: string): SeedRecord[] =>
    chunks.flatMap((c) => c.programme.filter((l) => l.sobject === sobject).flatMap((l) => l.records));
  return {
    chunks,
    of,
    opportunities: chunks.flatMap((c) => c.opportunities),
    conversions: chunks.flatMap((c) => c.leadConversions),
  };
}

const refKey = (value: FieldValue): string => (value && typeof value === 'object' ? value.ref.key : '');
const text = (record: SeedRecord, field: string): string => String(record.fields[field] ?? '');

describe('the generated partner programme', () => {
  const dataset = small();
  const { of, opportunities, conversions, chunks } = programme(dataset);

  it('has records of every programme object', () => {
    for (const sobject of PROGRAMME_OBJECTS) expect(of(sobject).length).toBeGreaterThan(0);
  });

  it("puts products only on won deals, their total prices adding up to the deal's Amount", () => {
    const byOpportunity = new Map<string, number>();
    for (const line of of('OpportunityLineItem')) {
      const key = refKey(line.fields.OpportunityId);
      byOpportunity.set(key, (byOpportunity.get(key) ?? 0) + Number(line.fields.TotalPrice));
      expect(Number(line.fields.Quantity)).toBeGreaterThanOrEqual(1);
    }
    expect(byOpportunity.size).toBeGreaterThan(10);
    const deals = new Map(opportunities.map((o) => [o.key, o]));
    for (const [key, total] of byOpportunity) {
      expect(deals.get(key)?.fields.StageName).toBe('Closed Won');
      expect(total).toBe(deals.get(key)?.fields.Amount);
    }
  });

  it('dates nothing after the as-of day, and claims after their requests', () => {
    for (const task of of('Task')) expect(text(task, 'ActivityDate') <= AS_OF).toBe(true);
    for (const event of of('Event')) expect(text(event, 'StartDateTime').slice(0, 10) <= AS_OF).toBe(true);
    for (const c of of('Partner_Credential__c')) expect(text(c, 'Completed_Date__c') <= AS_OF).toBe(true);
    const requests = new Map(of('Fund_Request__c').map((r) => [r.key, r]));
    for (const request of requests.values()) expect(text(request, 'Request_Date__c') <= AS_OF).toBe(true);
    for (const claim of of('Fund_Claim__c')) {
      const request = requests.get(refKey(claim.fields.Fund_Request__c));
      expect(request?.fields.Status__c).toBe('Approved');
      expect(text(claim, 'Claim_Date__c') > text(request as SeedRecord, 'Request_Date__c')).toBe(true);
      expect(text(claim, 'Claim_Date__c') <= AS_OF).toBe(true);
      const paid = claim.fields.Status__c === 'Paid';
      expect(claim.fields.Paid_Amount__c !== null).toBe(paid);
      if (paid) expect(text(claim, 'Paid_Date__c') > text(claim, 'Claim_Date__c')).toBe(true);
      if (paid) expect(text(claim, 'Paid_Date__c') <= AS_OF).toBe(true);
    }
  });

  it('has expired and active certifications, and courses that never expire', () => {
    const credentials = of('Partner_Credential__c');
    const certifications = credentials.filter((c) => c.fields.Credential_Type__c === 'Certification');
    expect(certifications.some((c) => text(c, 'Expiry_Date__c') < AS_OF)).toBe(true);
    expect(certifications.some((c) => text(c, 'Expiry_Date__c') >= AS_OF)).toBe(true);
    for (const course of credentials.filter((c) => c.fields.Credential_Type__c === 'Course'))
      expect(course.fields.Expiry_Date__c).toBeNull();
  });

  it('runs campaigns mostly within budget, some over, none spent before they start', () => {
    const campaigns = of('Campaign');
    const spent = campaigns.filter((c) => c.fields.ActualCost !== null);
    const over = spent.filter((c) => Number(c.fields.ActualCost) > Number(c.fields.BudgetedCost));
    expect(over.length).toBeGreaterThan(0);
    expect(over.length).toBeLessThan(spent.length / 2);
    for (const c of campaigns.filter((c) => text(c, 'StartDate') > AS_OF)) expect(c.fields.ActualCost).toBeNull();
    const members = of('CampaignMember');
    expect(members.some((m) => m.fields.Status === 'Responded')).toBe(true);
    expect(members.some((m) => m.fields.Status === 'Sent')).toBe(true);
  });

  it("converts some of the partner's own leads into its customers, and never adds a converted lead to a campaign", () => {
    const leads = new Map(of('Lead').map((l) => [l.key, l]));
    expect(conversions.length).toBeGreaterThan(0);
    expect(conversions.length).toBeLessThan(leads.size);
    const converted = new Set(conversions.map((c) => c.leadKey));
    for (const conversion of conversions) {
      const lead = leads.get(conversion.leadKey);
      const partnerKey = refKey(lead?.fields.PartnerAccountId ?? null);
      expect(partnerKey).not.toBe('');
      // A customer key carries its partner's number: s42-acct-c-<partner>-<n>, the partner s42-acct-p-<partner>.
      expect(conversion.accountKey.replace('-acct-c-', '-acct-p-').replace(/-\d+$/, '')).toBe(partnerKey);
    }
    for (const member of of('CampaignMember')) expect(converted.has(refKey(member.fields.LeadId))).toBe(false);
  });

  it('refers only to records loaded before (the standard price book is found in the org)', () => {
    const known = new Set<string>([
      ...dataset.users.map((u) => `User:${u.key}`),
      `Pricebook2:${STANDARD_PRICEBOOK}`,
      ...dataset.levels.flatMap((l) => l.records.map((r) => `${r.sobject}:${r.key}`)),
    ]);
    for (const chunk of chunks) {
      for (const record of [...chunk.opportunities, ...chunk.programme.flatMap((l) => l.records)]) {
        for (const value of Object.values(record.fields))
          if (value && typeof value === 'object') expect(known).toContain(`${value.ref.sobject}:${value.ref.key}`);
        known.add(`${record.sobject}:${record.key}`);
      }
    }
  });

  it('does not depend on how partners are chunked', () => {
    const byOne = programme(small(), 1);
    for (const sobject of PROGRAMME_OBJECTS) expect(byOne.of(sobject)).toEqual(of(sobject));
    expect(byOne.conversions).toEqual(conversions);
  });
});

describe('the large scale', () => {
  it('adds less than 30% to the record count (measured on 20 partners at its density)', () => {
    const dataset = generateDataset({
      seed: 1,
      scale: { ...SCALES.large, partners: 20 },
      asOf: AS_OF,
      fiscalYearStartMonth: 1,
    });
    const programmeMetrics = new Set<string>(PROGRAMME_METRICS);
    const { of, opportunities, chunks } = programme(dataset, 10);
    let before = opportunities.length + chunks.flatMap((c) => c.actions).length;
    let added = PROGRAMME_OBJECTS.reduce((n, sobject) => n + of(sobject).length, 0);
    for (const level of dataset.levels) {
      for (const record of level.records) {
        const isProgramme =
          level.sobject === 'Product2' ||
          level.sobject === 'PricebookEntry' ||
          programmeMetrics.has(String(record.fields.Metric__c));
        if (isProgramme) added++;
        else before++;
      }
    }
    expect(added / before).toBeLessThan(0.3);
    expect(added / before).toBeGreaterThan(0.05);
  });
});

/** How much data each `--scale` makes. A number is a partner count with medium-like density. */
export interface Scale {
  name: string;
  partners: number;
  /** Partners covered by one partner manager; one AE covers fewer. */
  partnersPerManager: number;
  partnersPerAe: number;
  customersPerPartner: number;
  /** Opportunities per partner per quarter (before noise). */
  opportunitiesPerQuarter: number;
  /** Mean APR actions per opportunity for a pair of average intensity. */
  actionsPerOpportunity: number;
  /** The partner programme around the deals (per partner, before intensity and noise). */
  programme: ProgrammeScale;
}

/** Volumes of the partner programme records: leads, campaigns, activities, enablement, funds, products. */
export interface ProgrammeScale {
  /** People at the partner (contacts) who take courses and certifications. */
  people: number;
  /** Partner-sourced leads per quarter. */
  leadsPerQuarter: number;
  /** Joint campaigns per quarter, and the members each reaches. */
  campaignsPerQuarter: number;
  membersPerCampaign: number;
  /** Calls, emails, to-dos and meetings with the partner per quarter. */
  activitiesPerQuarter: number;
  /** Share of won deals whose products are recorded as line items. */
  lineItemShare: number;
  /** Fund requests per fiscal year. */
  fundRequestsPerYear: number;
}

export const SCALES: Record<string, Scale> = {
  small: {
    name: 'small',
    partners: 10,
    partnersPerManager: 5,
    partnersPerAe: 3,
    customersPerPartner: 6,
    opportunitiesPerQuarter: 5,
    actionsPerOpportunity: 2.5,
    programme: {
      people: 5,
      leadsPerQuarter: 4,
      campaignsPerQuarter: 1,
      membersPerCampaign: 8,
      activitiesPerQuarter: 6,
      lineItemShare: 1,
      fundRequestsPerYear: 4,
    },
  },
  medium: {
    name: 'medium',
    partners: 100,
    partnersPerManager: 10,
    partnersPerAe: 4,
    customersPerPartner: 12,
    opportunitiesPerQuarter: 12,
    actionsPerOpportunity: 1.5,
    programme: {
      people: 6,
      leadsPerQuarter: 4,
      campaignsPerQuarter: 1,
      membersPerCampaign: 6,
      activitiesPerQuarter: 5,
      lineItemShare: 0.5,
      fundRequestsPerYear: 4,
    },
  },
  // About 1,000,000 opportunities and 300,000 APR actions: the benchmark scale.
  large: {
    name: 'large',
    partners: 2000,
    partnersPerManager: 20,
    partnersPerAe: 5,
    customersPerPartner: 40,
    opportunitiesPerQuarter: 72,
    actionsPerOpportunity: 0.25,
    // About 80 programme records a partner: new record types add well under 30% to the record count.
    programme: {
      people: 4,
      leadsPerQuarter: 2,
      campaignsPerQuarter: 0.5,
      membersPerCampaign: 4,
      activitiesPerQuarter: 2,
      lineItemShare: 0.05,
      fundRequestsPerYear: 3,
    },
  },
};

export class ScaleError extends Error {
  override name = 'ScaleError';
}

export function parseScale(text: string): Scale {
  const named = SCALES[text];
  if (named) return named;
  if (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 100_000) {
    return { ...SCALES.medium, name: text, partners: Number(text) };
  }
  throw new ScaleError(`Unknown scale "${text}": use small, medium, large or a partner count from 1 to 100000.`);
}

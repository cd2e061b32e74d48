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
  },
  medium: {
    name: 'medium',
    partners: 100,
    partnersPerManager: 10,
    partnersPerAe: 4,
    customersPerPartner: 12,
    opportunitiesPerQuarter: 12,
    actionsPerOpportunity: 1.5,
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

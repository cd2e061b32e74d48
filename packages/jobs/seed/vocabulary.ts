/**
 * The seed's vocabulary: names of people, partners and customers, places, products, stages, section and
 * action types with their relative weights, and the deal-size distribution per tier. Changing an entry or
 * its order changes the generated data (the golden test says so).
 */
export const FIRST_NAMES = [
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
export const LAST_NAMES = [
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
export const PARTNER_WORDS = [
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
export const PARTNER_SUFFIXES = [
  'Solutions',
  'Systems',
  'Partners',
  'Consulting',
  'Networks',
  'Digital',
  'Group',
  'Technologies',
];
export const CUSTOMER_WORDS = [
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
export const CUSTOMER_SUFFIXES = [
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
export const INDUSTRIES = [
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
export const CITIES: [string, string][] = [
  ['Chicago', 'United States'],
  ['Austin', 'United States'],
  ['Toronto', 'Canada'],
  ['London', 'United Kingdom'],
  ['Lyon', 'France'],
  ['Munich', 'Germany'],
  ['Madrid', 'Spain'],
  ['Sydney', 'Australia'],
];
export const PRODUCTS = [
  'Platform',
  'Analytics',
  'Security Suite',
  'Cloud Migration',
  'Support Renewal',
  'Expansion',
  'Integration',
];
export const PARTNER_TYPES: [string, number][] = [
  ['Reseller', 40],
  ['System Integrator', 20],
  ['Managed Service Provider', 15],
  ['Distributor', 8],
  ['Referral', 10],
  ['Technology Alliance', 7],
];
export const TIERS: [string, number][] = [
  ['Platinum', 10],
  ['Gold', 25],
  ['Silver', 40],
  ['Registered', 25],
];
export const MEDIAN_DEAL: Record<string, number> = {
  Platinum: 60_000,
  Gold: 35_000,
  Silver: 20_000,
  Registered: 10_000,
};
export const OPEN_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
];
export const SECTION_TYPES = [
  'Sales Objectives',
  'Marketing',
  'Training and Certification',
  'Joint Investment',
  'Action Plan',
] as const;
export const OPPORTUNITY_ACTIONS: [string, number][] = [
  ['Joint Call', 30],
  ['Customer Meeting', 20],
  ['Demo', 15],
  ['Proposal', 8],
  ['Deal Registration', 10],
  ['Other', 2],
];
export const REVISION_REASONS = [
  'Partner lost two sales reps mid-quarter',
  'Large renewal moved to next fiscal year',
  'New territory assigned to the partner',
  'Marketing budget cut by the partner',
  'Certification programme launched late',
];
/** Log-normal spread of deal sizes; E[amount] = median × exp(sigma² / 2). */
export const DEAL_SIGMA = 0.6;

export type SectionType = (typeof SECTION_TYPES)[number];

/** The product catalog: one product per deal name's product, with a list price that makes believable quantities. */
export const PRODUCT_CATALOG: { name: string; code: string; family: string; listPrice: number }[] = [
  { name: 'Platform', code: 'PAP-PLT', family: 'Subscription', listPrice: 1200 },
  { name: 'Analytics', code: 'PAP-ANL', family: 'Subscription', listPrice: 900 },
  { name: 'Security Suite', code: 'PAP-SEC', family: 'Subscription', listPrice: 1500 },
  { name: 'Cloud Migration', code: 'PAP-MIG', family: 'Services', listPrice: 12000 },
  { name: 'Support Renewal', code: 'PAP-SUP', family: 'Support', listPrice: 2500 },
  { name: 'Expansion', code: 'PAP-EXP', family: 'Subscription', listPrice: 1200 },
  { name: 'Integration', code: 'PAP-INT', family: 'Services', listPrice: 6000 },
];
export const PEOPLE_TITLES = [
  'Sales Engineer',
  'Account Manager',
  'Solution Architect',
  'Marketing Manager',
  'Technical Consultant',
  'Inside Sales Representative',
];
export const COURSES = [
  'Platform Fundamentals',
  'Selling Analytics',
  'Security Suite Essentials',
  'Cloud Migration Methodology',
  'Discovery and Qualification',
  'Integration Patterns',
];
export const CERTIFICATIONS = [
  'Platform Sales Professional',
  'Platform Technical Specialist',
  'Analytics Consultant',
  'Security Suite Administrator',
];
export const CAMPAIGN_KINDS: [string, number][] = [
  ['Webinar', 35],
  ['Email', 25],
  ['Trade Show', 15],
  ['Conference', 10],
  ['Partners', 15],
];
export const FUND_ACTIVITIES: [string, number][] = [
  ['Event', 30],
  ['Digital Campaign', 30],
  ['Training', 15],
  ['Content', 15],
  ['Other', 10],
];
/** What the partner's calls, emails and meetings are about. */
export const ACTIVITY_TOPICS = [
  'pipeline review',
  'deal registration follow-up',
  'joint account mapping',
  'enablement planning',
  'campaign debrief',
  'quarterly business review prep',
];

/**
 * The sample data a Developer Edition scratch org is created with when its definition says
 * `"hasSampleData": true`: the classic accounts (Edge Communications, Burlington Textiles, United Oil & Gas...),
 * their contacts and opportunities, and a set of open leads. Loaded once, into a new org, through the
 * org's own write path as the admin (validation, defaults and audit fields apply), and never again: a
 * record the user deletes stays deleted across restarts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestContext } from './context';
import { deserializeRecord, type Dml } from './dml';
import { findObjectSchema, type OrgSchema } from './schema';
import type { Storage } from './storage';

const LOADED_KEY = 'sampleDataLoaded';

type Values = Record<string, string | number>;

interface SampleAccount extends Values {
  Name: string;
}

/** Accounts with their billing address, as the sample org has them. */
const ACCOUNTS: SampleAccount[] = [
  {
    Name: 'Edge Communications',
    Type: 'Customer - Direct',
    Industry: 'Electronics',
    Rating: 'Hot',
    Phone: '(512) 757-6000',
    Fax: '(512) 757-9000',
    AccountNumber: 'CD451796',
    Website: 'http://edgecomm.com',
    Sic: '6576',
    AnnualRevenue: 139000000,
    NumberOfEmployees: 1000,
    Ownership: 'Public',
    TickerSymbol: 'EDGE',
    BillingStreet: '312 Constitution Place\nAustin, TX 78767\nUSA',
    BillingCity: 'Austin',
    BillingState: 'TX',
  },
  {
    Name: 'Burlington Textiles Corp of America',
    Type: 'Customer - Direct',
    Industry: 'Apparel',
    Rating: 'Warm',
    Phone: '(336) 222-7000',
    Fax: '(336) 222-8000',
    AccountNumber: 'CD656092',
    Website: 'www.burlington.com',
    Sic: '546732',
    AnnualRevenue: 350000000,
    NumberOfEmployees: 9000,
    Ownership: 'Public',
    TickerSymbol: 'BTXT',
    BillingStreet: '525 S. Lexington Ave',
    BillingCity: 'Burlington',
    BillingState: 'NC',
    BillingPostalCode: '27215',
    BillingCountry: 'USA',
  },
  {
    Name: 'Pyramid Construction Inc.',
    Type: 'Customer - Channel',
    Industry: 'Construction',
    Phone: '(014) 427-4427',
    Fax: '(014) 427-4428',
    AccountNumber: 'CC213425',
    Website: 'www.pyramid.com',
    Sic: '4253',
    AnnualRevenue: 950000000,
    NumberOfEmployees: 2680,
    Ownership: 'Public',
    TickerSymbol: 'PYR',
    BillingStreet: '2 Place Jussieu',
    BillingCity: 'Paris',
    BillingPostalCode: '75251',
    BillingCountry: 'France',
  },
  {
    Name: 'Dickenson plc',
    Type: 'Customer - Channel',
    Industry: 'Consulting',
    Phone: '(785) 241-6200',
    Fax: '(785) 241-6201',
    AccountNumber: 'CC634267',
    Website: 'dickenson-consulting.com',
    Sic: '6752',
    AnnualRevenue: 50000000,
    NumberOfEmployees: 120,
    Ownership: 'Private',
    BillingStreet: '1301 Hoch Drive',
    BillingCity: 'Lawrence',
    BillingState: 'KS',
    BillingPostalCode: '66045',
    BillingCountry: 'USA',
  },
  {
    Name: 'Grand Hotels & Resorts Ltd',
    Type: 'Customer - Direct',
    Industry: 'Hospitality',
    Rating: 'Warm',
    Phone: '(312) 596-1000',
    Fax: '(312) 596-1500',
    AccountNumber: 'CD439877',
    Website: 'www.grandhotels.com',
    Sic: '2268',
    AnnualRevenue: 500000000,
    NumberOfEmployees: 5600,
    Ownership: 'Public',
    TickerSymbol: 'GHTL',
    BillingStreet: '2334 N. Michigan Avenue, Suite 1500\nChicago, IL 60601, USA',
    BillingCity: 'Chicago',
    BillingState: 'IL',
  },
  {
    Name: 'United Oil & Gas Corp.',
    Type: 'Customer - Direct',
    Industry: 'Energy',
    Rating: 'Hot',
    Phone: '(212) 842-5500',
    Fax: '(212) 842-5501',
    AccountNumber: 'CD355118',
    Website: 'http://www.uos.com',
    Sic: '4437',
    AnnualRevenue: 5600000000,
    NumberOfEmployees: 145000,
    Ownership: 'Public',
    TickerSymbol: 'UOS',
    BillingStreet: '1301 Avenue of the Americas \nNew York, NY 10019\nUSA',
    BillingCity: 'New York',
    BillingState: 'NY',
  },
  {
    Name: 'Express Logistics and Transport',
    Type: 'Customer - Channel',
    Industry: 'Transportation',
    Rating: 'Cold',
    Phone: '(503) 421-7800',
    Fax: '(503) 421-7801',
    AccountNumber: 'CC947211',
    Website: 'www.expressl&t.net',
    Sic: '8742',
    AnnualRevenue: 950000000,
    NumberOfEmployees: 12300,
    Ownership: 'Public',
    TickerSymbol: 'EXLT',
    BillingStreet: '620 SW 5th Avenue Suite 400\nPortland, Oregon 97204\nUnited States',
    BillingCity: 'Portland',
    BillingState: 'OR',
  },
  {
    Name: 'University of Arizona',
    Type: 'Customer - Direct',
    Industry: 'Education',
    Rating: 'Warm',
    Phone: '(520) 773-9050',
    Fax: '(520) 773-9060',
    AccountNumber: 'CD736025',
    Sic: '7321',
    NumberOfEmployees: 39000,
    Ownership: 'Other',
    BillingStreet: '888 N Euclid \nHallis Center, Room 501\nTucson, AZ 85721\nUnited States',
    BillingCity: 'Tucson',
    BillingState: 'AZ',
  },
  {
    Name: 'United Oil & Gas, UK',
    Type: 'Customer - Direct',
    Industry: 'Energy',
    Phone: '+44 191 4956203',
    Fax: '+44 191 4956620',
    AccountNumber: 'CD355119-A',
    Website: 'http://www.uos.com',
    Sic: '4437',
    NumberOfEmployees: 24000,
    Ownership: 'Public',
    TickerSymbol: 'UOS',
    BillingStreet:
      'Kings Park, 17th Avenue, Team Valley Trading Estate,\nGateshead, Tyne and Wear NE26 3HS\nUnited Kingdom',
    BillingState: 'UK',
  },
  {
    Name: 'United Oil & Gas, Singapore',
    Type: 'Customer - Direct',
    Industry: 'Energy',
    Phone: '(650) 450-8810',
    Fax: '(650) 450-8820',
    AccountNumber: 'CD355120-B',
    Website: 'http://www.uos.com',
    Sic: '4437',
    NumberOfEmployees: 3000,
    Ownership: 'Public',
    TickerSymbol: 'UOS',
    BillingStreet: '9 Tagore Lane\nSingapore, Singapore 787472\nSingapore',
    BillingCity: 'Singapore',
    BillingState: 'Singapore',
  },
  {
    Name: 'GenePoint',
    Type: 'Customer - Channel',
    Industry: 'Biotechnology',
    Rating: 'Cold',
    Phone: '(650) 867-3450',
    Fax: '(650) 867-9895',
    AccountNumber: 'CC978213',
    Website: 'www.genepoint.com',
    Sic: '3712',
    AnnualRevenue: 30000000,
    NumberOfEmployees: 265,
    Ownership: 'Private',
    BillingStreet: '345 Shoreline Park\nMountain View, CA 94043\nUSA',
    BillingCity: 'Mountain View',
    BillingState: 'CA',
  },
  {
    Name: 'sForce',
    Phone: '(415) 901-7000',
    Fax: '(415) 901-7002',
    Website: 'www.sforce.com',
    BillingStreet: 'The Landmark @ One Market',
    BillingCity: 'San Francisco',
    BillingState: 'CA',
    BillingPostalCode: '94087',
    BillingCountry: 'US',
  },
];

/** Contacts: first name, last name, title, account, email, phone. */
const CONTACTS: [string, string, string, string, string, string][] = [
  ['Rose', 'Gonzalez', 'SVP, Procurement', 'Edge Communications', 'rose@edge.com', '(512) 757-6000'],
  ['Sean', 'Forbes', 'CFO', 'Edge Communications', 'sean@edge.com', '(512) 757-6000'],
  [
    'Jack',
    'Rogers',
    'VP, Facilities',
    'Burlington Textiles Corp of America',
    'jrogers@burlington.com',
    '(336) 222-7000',
  ],
  [
    'Pat',
    'Stumuller',
    'SVP, Administration and Finance',
    'Pyramid Construction Inc.',
    'pat@pyramid.net',
    '(014) 427-4427',
  ],
  ['Andy', 'Young', 'SVP, Operations', 'Dickenson plc', 'a_young@dickenson.com', '(785) 241-6200'],
  [
    'Tim',
    'Barr',
    'SVP, Administration and Finance',
    'Grand Hotels & Resorts Ltd',
    'barr_tim@grandhotels.com',
    '(312) 596-1000',
  ],
  ['John', 'Bond', 'VP, Facilities', 'Grand Hotels & Resorts Ltd', 'bond_john@grandhotels.com', '(312) 596-1000'],
  ['Stella', 'Pavlova', 'SVP, Production', 'United Oil & Gas Corp.', 'spavlova@uog.com', '(212) 842-5500'],
  ['Lauren', 'Boyle', 'SVP, Technology', 'United Oil & Gas Corp.', 'lboyle@uog.com', '(212) 842-5500'],
  ['Babara', 'Levy', 'SVP, Operations', 'Express Logistics and Transport', 'b.levy@expresslandt.net', '(503) 421-7800'],
  [
    'Josh',
    'Davis',
    'Director, Warehouse Mgmt',
    'Express Logistics and Transport',
    'j.davis@expresslandt.net',
    '(503) 421-7800',
  ],
  ['Jane', 'Grey', 'Dean of Administration', 'University of Arizona', 'jane_gray@uoa.edu', '(520) 773-9050'],
  ['Arthur', 'Song', 'CEO', 'United Oil & Gas Corp.', 'asong@uog.com', '(212) 842-5500'],
  ['Ashley', 'James', 'VP, Finance', 'United Oil & Gas, UK', 'ajames@uog.com', '+44 191 4956203'],
  ['Tom', 'Ripley', 'Regional General Manager', 'United Oil & Gas, Singapore', 'tripley@uog.com', '(650) 450-8810'],
  ['Liz', "D'Cruz", 'VP, Production', 'United Oil & Gas, Singapore', 'ldcruz@uog.com', '(650) 450-8810'],
  ['Edna', 'Frank', 'VP, Technology', 'GenePoint', 'efrank@genepoint.com', '(650) 867-3450'],
  ['Avi', 'Green', 'CFO', 'United Oil & Gas Corp.', 'agreen@uog.com', '(212) 842-5500'],
  ['Siddartha', 'Nedaerk', '', 'sForce', 'sid@sforce.com', '(415) 901-7000'],
  ['Jake', 'Llorrac', '', 'sForce', 'jake@sforce.com', '(415) 901-7000'],
];

/** Opportunities: name, account, stage, amount, close date offset in days from the org's creation. */
const OPPORTUNITIES: [string, string, string, number, number][] = [
  ['Edge Emergency Generator', 'Edge Communications', 'Closed Won', 75000, -120],
  ['Edge Installation', 'Edge Communications', 'Closed Won', 50000, -90],
  ['Edge SLA', 'Edge Communications', 'Closed Won', 60000, -60],
  ['Edge Emergency Generator', 'Edge Communications', 'Id. Decision Makers', 35000, 45],
  ['Burlington Textiles Weaving Plant Generator', 'Burlington Textiles Corp of America', 'Closed Won', 235000, -75],
  ['Pyramid Emergency Generators', 'Pyramid Construction Inc.', 'Prospecting', 100000, 60],
  ['Dickenson Mobile Generators', 'Dickenson plc', 'Qualification', 15000, 30],
  ['Grand Hotels Emergency Generators', 'Grand Hotels & Resorts Ltd', 'Closed Won', 210000, -150],
  ['Grand Hotels Generator Installations', 'Grand Hotels & Resorts Ltd', 'Closed Won', 350000, -100],
  ['Grand Hotels Guest Portable Generators', 'Grand Hotels & Resorts Ltd', 'Value Proposition', 250000, 40],
  ['Grand Hotels SLA', 'Grand Hotels & Resorts Ltd', 'Closed Won', 90000, -40],
  ['Grand Hotels Kitchen Generator', 'Grand Hotels & Resorts Ltd', 'Id. Decision Makers', 15000, 20],
  ['United Oil Office Portable Generators', 'United Oil & Gas Corp.', 'Negotiation/Review', 125000, 15],
  ['United Oil Installations', 'United Oil & Gas Corp.', 'Closed Won', 270000, -130],
  ['United Oil Installations', 'United Oil & Gas Corp.', 'Negotiation/Review', 235000, 25],
  ['United Oil Refinery Generators', 'United Oil & Gas Corp.', 'Proposal/Price Quote', 270000, 35],
  ['United Oil SLA', 'United Oil & Gas Corp.', 'Closed Won', 120000, -20],
  ['United Oil Emergency Generators', 'United Oil & Gas Corp.', 'Closed Won', 440000, -110],
  ['United Oil Plant Standby Generators', 'United Oil & Gas Corp.', 'Needs Analysis', 675000, 50],
  ['Express Logistics Portable Truck Generators', 'Express Logistics and Transport', 'Value Proposition', 80000, 55],
  ['Express Logistics Standby Generator', 'Express Logistics and Transport', 'Closed Won', 220000, -80],
  ['Express Logistics SLA', 'Express Logistics and Transport', 'Perception Analysis', 120000, 70],
  ['University of AZ Portable Generators', 'University of Arizona', 'Closed Won', 50000, -55],
  ['University of AZ Installations', 'University of Arizona', 'Proposal/Price Quote', 100000, 65],
  ['University of AZ SLA', 'University of Arizona', 'Closed Won', 90000, -30],
  ['GenePoint Standby Generator', 'GenePoint', 'Closed Won', 85000, -95],
  ['GenePoint Lab Generators', 'GenePoint', 'Id. Decision Makers', 60000, 80],
  ['GenePoint SLA', 'GenePoint', 'Closed Won', 30000, -10],
  ['United Oil & Gas, UK Standby Generator', 'United Oil & Gas, UK', 'Prospecting', 140000, 90],
  ['United Oil & Gas, Singapore Generators', 'United Oil & Gas, Singapore', 'Prospecting', 95000, 100],
];

/** Open leads: first name, last name, company, title, status. */
const LEADS: [string, string, string, string, string][] = [
  ['Bertha', 'Boxer', 'Farmers Coop. of Florida', 'Director of Vendor Relations', 'Working - Contacted'],
  ['Phyllis', 'Cotton', 'Abbott Insurance', 'CFO', 'Open - Not Contacted'],
  ['Jeff', 'Glimpse', 'Jackson Controls', 'SVP, Procurement', 'Open - Not Contacted'],
  ['Mike', 'Braund', 'Metropolitan Health Services', 'SVP, Technology', 'Open - Not Contacted'],
  ['Patricia', 'Feager', 'International Shipping Co.', 'CEO', 'Working - Contacted'],
  ['Brenda', 'Mcclure', 'Cadinal Inc.', 'CFO', 'Working - Contacted'],
  ['Violet', 'Maccleod', 'Emerson Transport', 'VP, Production', 'Working - Contacted'],
  ['Kathy', 'Snyder', 'TNR Corp.', 'Regional General Manager', 'Working - Contacted'],
  ['Tom', 'James', 'Delphi Chemicals', 'SVP, Administration and Finance', 'Working - Contacted'],
  ['Shelly', 'Brownell', 'Western Telecommunications Corp.', 'SVP, Technology', 'Working - Contacted'],
  ['Pamela', 'Owenby', 'Hendrickson Holdings', 'CEO', 'Working - Contacted'],
  ['Chris', 'Davidson', 'Unlimited Hardware', 'SVP, Technology', 'Working - Contacted'],
  ['Eugena', 'Luce', 'Pacific Retail Group', 'CEO', 'Open - Not Contacted'],
  ['Sandra', 'Eberhard', 'Highland Manufacturing Ltd.', 'VP, Production', 'Working - Contacted'],
  ['Carolyn', 'Crenshaw', 'Ace Iron and Steel Inc.', 'VP, Technology', 'Open - Not Contacted'],
  ['Betty', 'Bair', 'American Banking Corp.', 'VP, Administration', 'Working - Contacted'],
  ['Norm', 'May', 'Greenwich Media', 'VP, Facilities', 'Working - Contacted'],
  ['Kristen', 'Akin', 'Aethna Home Products', 'Director, Warehouse Mgmt', 'Working - Contacted'],
  ['David', 'Monaco', 'Blues Entertainment Corp.', 'CFO', 'Working - Contacted'],
  ['John', 'Eberhard', 'Highland Manufacturing Ltd.', 'Dean of Administration', 'Working - Contacted'],
  ['Andy', 'Kim', 'Pyramid Construction Inc.', 'SVP, Operations', 'Open - Not Contacted'],
  ['Jack', 'Miller', 'Mascot Instruments', 'VP, Finance', 'Open - Not Contacted'],
];

/** Whether the project's scratch definition (config/project-scratch-def.json) asks for sample data. */
export function projectWantsSampleData(projectRoot: string): boolean {
  const path = join(projectRoot, 'config', 'project-scratch-def.json');
  if (!existsSync(path)) return false;
  try {
    const definition: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof definition === 'object' && definition !== null && 'hasSampleData' in definition
      ? definition.hasSampleData === true
      : false;
  } catch {
    // A definition that is not JSON is the CLI's to report when it creates a scratch org.
    return false;
  }
}

/**
 * Loads the sample data into an org once: on the first start of a data folder with sample data asked
 * for. The standard objects are the platform's, not the project's, so every field named here exists.
 */
export function loadSampleDataOnce(schema: OrgSchema, storage: Storage, dml: Dml, ctx: RequestContext): void {
  if (storage.getMeta(LOADED_KEY)) return;
  const day = (offset: number): string => new Date(ctx.now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const insert = (objectName: string, values: Values): string => {
    const obj = findObjectSchema(schema, objectName);
    if (!obj) throw new Error(`sample data: the org has no ${objectName} object`);
    return dml.create(ctx, obj, deserializeRecord(schema, obj, values));
  };
  storage.db.transaction(() => {
    const accountIds = new Map<string, string>();
    for (const account of ACCOUNTS) accountIds.set(account.Name, insert('Account', account));
    const accountOf = (name: string): string => {
      const id = accountIds.get(name);
      if (!id) throw new Error(`sample data: no account ${name}`);
      return id;
    };
    for (const [FirstName, LastName, Title, account, Email, Phone] of CONTACTS) {
      insert('Contact', { FirstName, LastName, Title, Email, Phone, AccountId: accountOf(account) });
    }
    for (const [Name, account, StageName, Amount, closeOffset] of OPPORTUNITIES) {
      insert('Opportunity', { Name, StageName, Amount, CloseDate: day(closeOffset), AccountId: accountOf(account) });
    }
    for (const [FirstName, LastName, Company, Title, Status] of LEADS) {
      insert('Lead', { FirstName, LastName, Company, Title, Status });
    }
    storage.setMeta(LOADED_KEY, ctx.now.toISOString());
  })();
}

/**
 * The seed's accounts and their partner profiles: per partner, from its own random stream (`partner-<n>`),
 * the partner account, its customer accounts, its contact, and the profile (tier, intensity, the partner
 * manager and AEs who work it) that the plan and opportunity generators follow.
 */
import type { Random } from '../random';
import { key, person, type PartnerProfile, type SeedContext } from './context';
import { pad, ref, type SeedRecord } from './records';
import type { Team } from './users';
import {
  CITIES,
  CUSTOMER_SUFFIXES,
  CUSTOMER_WORDS,
  INDUSTRIES,
  PARTNER_SUFFIXES,
  PARTNER_TYPES,
  PARTNER_WORDS,
  TIERS,
} from './vocabulary';

export interface Partners {
  partners: SeedRecord[];
  customers: SeedRecord[];
  contacts: SeedRecord[];
  profiles: PartnerProfile[];
}

/** The partner's name: a word and a suffix, then a number once every pair is used. */
function partnerName(p: number): string {
  const word = PARTNER_WORDS[p % PARTNER_WORDS.length];
  const suffix = PARTNER_SUFFIXES[Math.floor(p / PARTNER_WORDS.length) % PARTNER_SUFFIXES.length];
  const pairs = PARTNER_WORDS.length * PARTNER_SUFFIXES.length;
  return `${word} ${suffix}${p >= pairs ? ` ${Math.floor(p / pairs) + 1}` : ''}`;
}

/** The web and mail domain of a partner's name. */
const domainOf = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The name of partner `p`'s customer `c` (0-based): unique, as the partner's number is in it. No randomness. */
export function customerName(p: number, c: number): string {
  const word = CUSTOMER_WORDS[(p * 5 + c) % CUSTOMER_WORDS.length];
  const suffix = CUSTOMER_SUFFIXES[(p + c * 3) % CUSTOMER_SUFFIXES.length];
  return `${word} ${suffix} ${pad(p + 1, 3)}-${c + 1}`;
}

/** The customer accounts of partner `p`, in its region. */
function customerAccounts(
  ctx: SeedContext,
  rng: Random,
  p: number,
  city: string,
  country: string,
): { records: SeedRecord[]; keys: string[] } {
  const records: SeedRecord[] = [];
  const keys: string[] = [];
  for (let c = 0; c < ctx.scale.customersPerPartner; c++) {
    const customerKey = key(ctx, 'acct', 'c', pad(p + 1, 5), pad(c + 1, 3));
    keys.push(customerKey);
    records.push({
      sobject: 'Account',
      key: customerKey,
      fields: {
        Name: customerName(p, c),
        Type: 'Customer - Channel',
        Industry: rng.pick(INDUSTRIES),
        BillingCity: city,
        BillingCountry: country,
        AnnualRevenue: Math.round(rng.logNormal(50_000_000, 1)),
        NumberOfEmployees: Math.round(rng.logNormal(800, 1)),
      },
    });
  }
  return { records, keys };
}

/** The partner's contact: its channel sales director. No randomness. */
function partnerContact(ctx: SeedContext, p: number, partnerKey: string, name: string): SeedRecord {
  const contactPerson = person(p * 5 + 4);
  return {
    sobject: 'Contact',
    key: key(ctx, 'contact', pad(p + 1, 5)),
    fields: {
      FirstName: contactPerson.firstName,
      LastName: contactPerson.lastName,
      AccountId: ref('Account', partnerKey),
      Title: 'Channel Sales Director',
      Email: `${contactPerson.firstName}.${contactPerson.lastName}.${p + 1}@${domainOf(name)}.example`.toLowerCase(),
    },
  };
}

/** Every partner with its customers, contact and profile. */
export function generatePartners(ctx: SeedContext, team: Team): Partners {
  const result: Partners = { partners: [], customers: [], contacts: [], profiles: [] };
  const { scale } = ctx;
  for (let p = 0; p < scale.partners; p++) {
    const rng = ctx.root.fork(`partner-${p}`);
    const partnerKey = key(ctx, 'acct', 'p', pad(p + 1, 5));
    const tier = rng.weighted(TIERS);
    const [city, country] = rng.pick(CITIES);
    const name = partnerName(p);
    const managerKey = team.managerKeys[Math.floor(p / scale.partnersPerManager) % team.managerKeys.length];
    result.partners.push({
      sobject: 'Account',
      key: partnerKey,
      fields: {
        Name: name,
        // Its partner manager owns it: Salesforce makes partner users only on accounts whose owner has a role.
        OwnerId: ref('User', managerKey),
        Type: 'Channel Partner / Reseller',
        Partner_Type__c: rng.weighted(PARTNER_TYPES),
        Partner_Tier__c: tier,
        Industry: 'Technology',
        BillingCity: city,
        BillingCountry: country,
        Website: `https://www.${domainOf(name)}.example`,
        // A partner account, so its people can be partner users (partner-users.ts).
        IsPartner: true,
      },
    });
    const customers = customerAccounts(ctx, rng, p, city, country);
    result.customers.push(...customers.records);
    const contact = partnerContact(ctx, p, partnerKey, name);
    result.contacts.push(contact);
    result.profiles.push({
      index: p,
      key: partnerKey,
      name,
      tier,
      intensity: rng.logNormal(1, 0.5),
      managerKey,
      aeKey: team.aeKeys[p % team.aeKeys.length],
      secondAeKey: team.aeKeys[(p + 1) % team.aeKeys.length],
      customerKeys: customers.keys,
      contactKey: contact.key,
    });
  }
  return result;
}

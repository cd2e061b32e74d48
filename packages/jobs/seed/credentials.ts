/**
 * The partner's people and their enablement: per partner, from its own stream (`people-<n>`), the contacts who
 * sell and deliver (sales engineers, architects...), their completed courses over the window and their
 * certifications, which last two years. Certifications are earned over the last three years, so some have
 * expired and some expire within the window. More active partners train more.
 */
import { addDays, addMonths, daysBetween } from '../periods';
import { key, person, type PartnerProfile, type SeedContext } from './context';
import { pad, ref, type SeedRecord } from './records';
import { CERTIFICATIONS, COURSES, PEOPLE_TITLES } from './vocabulary';

export interface PartnerPeople {
  contacts: SeedRecord[];
  credentials: SeedRecord[];
}

/** How long a certification stays valid. */
const CERTIFICATION_MONTHS = 24;

export function partnerPeople(ctx: SeedContext, profile: PartnerProfile): PartnerPeople {
  const rng = ctx.root.fork(`people-${profile.index}`);
  const { asOf } = ctx;
  const windowStart = ctx.quarters[0].start;
  const contacts: SeedRecord[] = [];
  const credentials: SeedRecord[] = [];
  const domain = profile.name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  for (let n = 0; n < ctx.scale.programme.people; n++) {
    const contactKey = key(ctx, 'contact', pad(profile.index + 1, 5), pad(n + 1, 2));
    // Names from a range the partner's director (person(p * 5 + 4)) does not use.
    const who = person(10_000 + profile.index * 11 + n);
    contacts.push({
      sobject: 'Contact',
      key: contactKey,
      fields: {
        FirstName: who.firstName,
        LastName: who.lastName,
        AccountId: ref('Account', profile.key),
        Title: rng.pick(PEOPLE_TITLES),
        Email: `${who.firstName}.${who.lastName}.${profile.index + 1}.${n + 1}@${domain}.example`.toLowerCase(),
      },
    });
    let c = 0;
    const credential = (type: 'Course' | 'Certification', name: string, completed: string): void => {
      c++;
      credentials.push({
        sobject: 'Partner_Credential__c',
        key: `${contactKey}-cred-${pad(c, 2)}`,
        fields: {
          Contact__c: ref('Contact', contactKey),
          Partner_Account__c: ref('Account', profile.key),
          Credential_Type__c: type,
          Credential_Name__c: name,
          Completed_Date__c: completed,
          Expiry_Date__c: type === 'Certification' ? addMonths(completed, CERTIFICATION_MONTHS) : null,
        },
      });
    };
    // Courses over the window up to today: about two a person a year at average intensity.
    const windowDays = daysBetween(windowStart, asOf);
    const courses = rng.poisson(2 * profile.intensity * (windowDays / 365));
    for (let i = 0; i < courses; i++)
      credential('Course', rng.pick(COURSES), addDays(windowStart, rng.int(0, windowDays)));
    // Certifications over the last three years: those older than two years have expired.
    const certStart = addMonths(asOf, -36);
    const certDays = daysBetween(certStart, asOf);
    const certifications = rng.poisson(2 * profile.intensity);
    for (let i = 0; i < certifications; i++)
      credential('Certification', rng.pick(CERTIFICATIONS), addDays(certStart, rng.int(0, certDays)));
  }
  return { contacts, credentials };
}

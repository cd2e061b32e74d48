/**
 * The seed's plan sections: the five standard sections of every plan, each owned by the AE or the partner
 * manager, with a summary, a status from the plan's fiscal year, a share of the budget and whether the
 * partner's users see it. No randomness.
 */
import type { PartnerProfile, SeedContext } from './context';
import { ref, type SeedRecord } from './records';
import { SECTION_TYPES, type SectionType } from './vocabulary';

/** The key of a plan's section of a type. */
export const sectionKeyOf = (planKey: string, type: SectionType): string =>
  `${planKey}-sec-${SECTION_TYPES.indexOf(type) + 1}`;

function sectionSummary(type: string, profile: PartnerProfile): string {
  switch (type) {
    case 'Sales Objectives':
      return `Grow closed-won revenue with ${profile.name} every quarter, register every partner-sourced deal, and win at two named target accounts.`;
    case 'Marketing':
      return 'One outbound email campaign and one call blitz per quarter to the joint target list; a trade show presence in the partner region.';
    case 'Training and Certification':
      return `Deliver sales and technical enablement to ${profile.name} each quarter and certify at least two people per quarter.`;
    case 'Joint Investment':
      return 'Market development funds matched by the partner; spend reviewed at every QBR, overruns escalated to the executive sponsor.';
    default:
      return 'Weekly AE and partner pipeline call; the partner manager covers when the AE is out; progress reviewed at each QBR.';
  }
}

/**
 * Every third partner's funds are negotiated internally before they are offered: its plans' Joint Investment
 * section is hidden from the partner's users. Every other section is visible to them.
 */
const fundsInternal = (profile: PartnerProfile): boolean => profile.index % 3 === 1;

export function planSections(
  ctx: SeedContext,
  profile: PartnerProfile,
  planKey: string,
  fy: number,
  budget: number,
): SeedRecord[] {
  const owners: Record<string, string> = {
    'Sales Objectives': profile.aeKey,
    Marketing: profile.managerKey,
    'Training and Certification': profile.managerKey,
    'Joint Investment': profile.managerKey,
    'Action Plan': profile.aeKey,
  };
  const current = ctx.currentFiscalYear;
  return SECTION_TYPES.map((type, i) => ({
    sobject: 'Plan_Section__c',
    key: `${planKey}-sec-${i + 1}`,
    fields: {
      Name: type,
      Partner_Account_Plan__c: ref('Partner_Account_Plan__c', planKey),
      Section_Type__c: type,
      Summary__c: sectionSummary(type, profile),
      Sort_Order__c: (i + 1) * 10,
      Section_Owner__c: ref('User', owners[type]),
      Status__c: fy < current ? 'Complete' : fy > current ? 'Not Started' : 'In Progress',
      Budget__c:
        type === 'Marketing' ? Math.round(budget * 0.4) : type === 'Joint Investment' ? Math.round(budget * 0.6) : null,
      Visible_To_Partner__c: type !== 'Joint Investment' || !fundsInternal(profile),
    },
  }));
}

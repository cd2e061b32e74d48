/**
 * `plans create`: a fiscal year's plan for every partner account of a tier (or one partner), from the tier's
 * active plan template: Draft, owned by the account's owner (or --owner), dated by the org's fiscal calendar,
 * with the template's sections and targets (year targets and their quarter or month parts). Idempotent by
 * External_Key__c: a partner that already has a plan for the year is skipped with the reason.
 */
import type { OrgSession } from '../connection';
import { readFiscalCalendar } from '../fiscal';
import { planYearOf } from './calendar';
import {
  activeUserId,
  activeUsers,
  childKeys,
  existingPlans,
  partnerByIdOrKey,
  partnersOfTier,
  readMetricSemantics,
  readProfiles,
  readTemplates,
  type Partner,
  type TemplateRecord,
} from './read';
import { decide, emptyReport, finishRun, type PlanResult, type PlansReport } from './report';
import { noCounts, type PlanWork } from './write';
import { planExternalKey, templateBlueprint } from './year';

export interface CreateOptions {
  /** The fiscal year as the org names it (2027 for "FY2027"). */
  fiscalYear: number;
  /** Account.Partner_Tier__c of the partners (and of the template); with `partner`, its own tier by default. */
  tier?: string;
  /** A Plan_Template__mdt DeveloperName instead of the tier's active template. */
  template?: string;
  /** One partner account, by Id or External_Key__c, instead of the whole tier. */
  partner?: string;
  /** Username of the plans' owner instead of each account's owner. */
  owner?: string;
  dryRun?: boolean;
  onStep?: (step: string, total?: number) => void;
}

/** The template to use: the named one, else the tier's active template first in sort order. */
export function pickTemplate(
  templates: Map<string, TemplateRecord>,
  name: string | undefined,
  tier: string,
): TemplateRecord {
  if (name) {
    const named = templates.get(name);
    if (!named) throw new Error(`No plan template named "${name}" (Plan_Template__mdt DeveloperName).`);
    return named;
  }
  const candidates = [...templates.values()]
    .filter((t) => t.active && t.tier === tier)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
  if (candidates.length === 0) throw new Error(`No active plan template for the tier "${tier}" (Plan_Template__mdt).`);
  return candidates[0];
}

/** The partners to plan for: the one named, or every partner account of the tier. */
async function partnersOf(session: OrgSession, options: CreateOptions): Promise<{ partners: Partner[]; tier: string }> {
  if (options.partner) {
    const partner = await partnerByIdOrKey(session, options.partner);
    if (!partner.isPartner)
      throw new Error(`The account "${partner.name}" has no Partner Type: it is not a partner account.`);
    const tier = options.tier ?? partner.tier;
    if (!tier && !options.template)
      throw new Error(`The account "${partner.name}" has no Partner Tier: pass --tier or --template.`);
    return { partners: [partner], tier: tier ?? '' };
  }
  if (!options.tier) throw new Error('Pass --tier (or --partner).');
  return { partners: await partnersOfTier(session, options.tier), tier: options.tier };
}

export async function runPlanCreate(session: OrgSession, options: CreateOptions): Promise<PlansReport> {
  const step = options.onStep ?? (() => undefined);
  step('Reading the fiscal calendar and templates');
  const year = await planYearOf(session, await readFiscalCalendar(session), options.fiscalYear);
  const { partners, tier } = await partnersOf(session, options);
  const template = pickTemplate(await readTemplates(session), options.template, tier);
  const profiles = await readProfiles(session);
  const metrics = await readMetricSemantics(session);
  const report = emptyReport('create', year, options.dryRun ?? false);
  report.template = template.name;
  if (!template.active)
    report.notes.push(`The template ${template.name} is not active; used because --template named it.`);
  if (partners.length === 0) report.notes.push(`No partner accounts of the tier "${tier}".`);

  step('Reading existing plans');
  const ownerId = options.owner ? await activeUserId(session, options.owner) : null;
  const active = ownerId
    ? new Set<string>()
    : await activeUsers(
        session,
        partners.map((p) => p.ownerId),
      );
  const keys = partners.map((p) => planExternalKey(p.key, year.label));
  const existing = await existingPlans(
    session,
    partners.map((p) => p.id),
    year.label,
    keys,
  );
  const children = await childKeys(
    session,
    existing.filter((p) => p.key && keys.includes(p.key)).map((p) => p.id),
  );

  // Results in partner (or source plan) order: a skipped one has no work.
  const entries: { work?: PlanWork; result: PlanResult }[] = [];
  for (const partner of partners) {
    const owner = ownerId ?? (active.has(partner.ownerId) ? partner.ownerId : null);
    const blueprint = templateBlueprint(
      template,
      { id: partner.id, key: partner.key, name: partner.name },
      { periods: year.periods, fiscalYear: year.label },
      profiles,
      owner,
      metrics,
    );
    const result: PlanResult = {
      partnerId: partner.id,
      partnerKey: partner.key,
      partnerName: partner.name,
      planKey: blueprint.plan.externalKey,
      planId: null,
      outcome: 'skipped',
      created: noCounts(),
      failures: [],
      notes: owner ? [] : [`the account owner ${partner.ownerId} is inactive: the running user owns the plan`],
    };
    const decision = decide(
      blueprint,
      existing.filter((p) => p.partnerAccountId === partner.id || p.key === blueprint.plan.externalKey),
      children,
    );
    if ('skip' in decision)
      entries.push({ result: { ...result, reason: decision.skip, planId: decision.planId, notes: [] } });
    else entries.push({ work: decision.work, result });
  }
  return finishRun(session, report, entries, options.dryRun ?? false, step);
}

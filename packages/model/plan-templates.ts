/**
 * Integrity of the plan templates and seasonal profiles (custom metadata): every name a record uses points at
 * a record or picklist value that exists, so `npm run plans -- create` and the template dialog never meet a
 * dangling template section, metric, section type, tier or profile, and every profile divides a year exactly.
 */
import { relative } from 'node:path';
import { findField, findObject } from './objects';
import type { CustomMetadataRecord, ForceAppModel } from './types';

interface Problem {
  file: string;
  message: string;
}

/** The period types a template target may have: a Year target kept whole, or split into quarters or months. */
export const TEMPLATE_PERIOD_TYPES = ['Year', 'Quarter', 'Month'];

/** The longest text a custom metadata TextArea field holds. */
const TEXT_AREA_LIMIT = 255;

/** How far a profile's shares may sum from 100 (they have 2 decimals), with room for binary rounding. */
const SHARE_TOLERANCE = 0.01 + 1e-9;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** The values of a picklist field of the model (none when the object or field is missing). */
function picklistValues(model: ForceAppModel, objectName: string, fieldName: string): string[] {
  const obj = findObject(model, objectName);
  const field = obj ? findField(obj, fieldName) : undefined;
  return field?.picklist?.values.map((v) => v.value) ?? [];
}

/** Problems of one record, each message starting with the record's type and name. */
function reporter(model: ForceAppModel, problems: Problem[], record: CustomMetadataRecord) {
  const file = relative(model.root, record.sourcePath);
  return (message: string): void =>
    void problems.push({ file, message: `${record.type} ${record.developerName}: ${message}` });
}

/** Seasonal profiles: four quarter shares, none negative, summing to 100. */
function checkProfiles(model: ForceAppModel, records: CustomMetadataRecord[], problems: Problem[]): void {
  for (const profile of records) {
    const say = reporter(model, problems, profile);
    const shares = [1, 2, 3, 4].map((q) => profile.values[`Q${q}_Share__c`]);
    if (shares.some((s) => typeof s !== 'number' || s < 0)) {
      say(`Q1_Share__c..Q4_Share__c must all be numbers of at least 0 (got ${shares.map(String).join(', ')})`);
      continue;
    }
    const sum = (shares as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > SHARE_TOLERANCE)
      say(`the quarter shares must sum to 100 (got ${Number(sum.toFixed(4))})`);
  }
}

/**
 * Plan templates, their sections and targets: a template's tier is an Account.Partner_Tier__c value and its
 * cadence a Review_Cadence__c value; a section's template exists and its type is a Section_Type__c value; a
 * target's section exists, its metric is active, its period type is Year, Quarter or Month, its profile
 * exists, its default value is at least 0 and its weight above 0; only a Cumulative metric is split.
 */
export function checkPlanTemplates(model: ForceAppModel): Problem[] {
  const problems: Problem[] = [];
  const ofType = (type: string): CustomMetadataRecord[] => model.customMetadataRecords.filter((r) => r.type === type);
  const names = (records: CustomMetadataRecord[]): Set<string> => new Set(records.map((r) => r.developerName));
  const templates = ofType('Plan_Template__mdt');
  const sections = ofType('Plan_Template_Section__mdt');
  const profiles = ofType('Seasonal_Profile__mdt');
  const metrics = new Map(ofType('Plan_Metric__mdt').map((m) => [m.developerName, m]));
  checkProfiles(model, profiles, problems);
  // A deploy refuses a record whose TextArea value is longer than the field holds.
  for (const record of [...templates, ...sections, ...profiles]) {
    for (const key of ['Description__c', 'Summary__c']) {
      const value = record.values[key];
      if (typeof value === 'string' && value.length > TEXT_AREA_LIMIT)
        reporter(model, problems, record)(`${key} is longer than ${TEXT_AREA_LIMIT} characters (${value.length})`);
    }
  }

  const tiers = picklistValues(model, 'Account', 'Partner_Tier__c');
  const cadences = picklistValues(model, 'Partner_Account_Plan__c', 'Review_Cadence__c');
  for (const template of templates) {
    const say = reporter(model, problems, template);
    const tier = text(template.values.Partner_Tier__c);
    if (tier && !tiers.includes(tier)) say(`Partner_Tier__c ${tier} is not an Account.Partner_Tier__c value`);
    const cadence = text(template.values.Review_Cadence__c);
    if (cadence && !cadences.includes(cadence))
      say(`Review_Cadence__c ${cadence} is not a Partner_Account_Plan__c.Review_Cadence__c value`);
  }

  const templateNames = names(templates);
  const sectionTypes = picklistValues(model, 'Plan_Section__c', 'Section_Type__c');
  for (const section of sections) {
    const say = reporter(model, problems, section);
    const template = text(section.values.Template__c);
    if (!template || !templateNames.has(template)) say(`Template__c ${String(template)} names no Plan_Template__mdt`);
    const type = text(section.values.Section_Type__c);
    if (!type || !sectionTypes.includes(type))
      say(`Section_Type__c ${String(type)} is not a Plan_Section__c.Section_Type__c value`);
  }

  const sectionNames = names(sections);
  const profileNames = names(profiles);
  for (const target of ofType('Plan_Template_Target__mdt')) {
    const say = reporter(model, problems, target);
    const v = target.values;
    const section = text(v.Template_Section__c);
    if (!section || !sectionNames.has(section))
      say(`Template_Section__c ${String(section)} names no Plan_Template_Section__mdt`);
    const metricName = text(v.Metric__c);
    const metric = metricName ? metrics.get(metricName) : undefined;
    if (!metric) say(`Metric__c ${String(metricName)} names no Plan_Metric__mdt`);
    else if (metric.values.Active__c !== true) say(`Metric__c ${metric.developerName} is not an active metric`);
    const periodType = text(v.Period_Type__c);
    if (!periodType || !TEMPLATE_PERIOD_TYPES.includes(periodType))
      say(`Period_Type__c must be one of ${TEMPLATE_PERIOD_TYPES.join(', ')} (got ${String(periodType)})`);
    // Quarter and month parts add up to the year only for a metric that adds up over time.
    else if (periodType !== 'Year' && metric && metric.values.Shape__c !== 'Cumulative')
      say(`Period_Type__c ${periodType} splits the year, but ${metric.developerName} is not a Cumulative metric`);
    const profile = text(v.Split_Profile__c);
    if (profile && !profileNames.has(profile)) say(`Split_Profile__c ${profile} names no Seasonal_Profile__mdt`);
    if (typeof v.Default_Value__c !== 'number' || v.Default_Value__c < 0)
      say(`Default_Value__c must be a number of at least 0 (got ${String(v.Default_Value__c)})`);
    if (v.Weight__c !== undefined && v.Weight__c !== null && !(typeof v.Weight__c === 'number' && v.Weight__c > 0))
      say(`Weight__c must be above 0 when set (got ${String(v.Weight__c)})`);
  }
  return problems;
}

/**
 * The Metadata API's `readMetadata('CustomField', fullNames)` (jsforce's `conn.metadata.read`): the fields of
 * the org's objects, custom and standard, as CustomField metadata written from the model. Picklists answer in
 * the shape of the caller's version: `picklist` with `picklistValues` (and a lead status's `converted`, a
 * stage's `closed`/`won`) before API 38.0, `valueSet` from 38.0. A name the org does not know answers an
 * empty record, as Salesforce does.
 */
import type { FieldModel, ForceAppModel } from '@partner-planning/model';
import { findField, findObject } from '@partner-planning/model';
import { xmlElements, type XmlFields } from '../xml';

/** Lead statuses a conversion may set (LeadStatus.IsConverted) in the default lead process. */
const CONVERTED_LEAD_STATUSES = new Set(['Closed - Converted']);
/** API 38.0 replaced `picklist` with `valueSet`. */
const VALUE_SET_VERSION = 38;

function picklistXml(field: FieldModel, major: number): XmlFields {
  const values = field.picklist?.values ?? [];
  const stages = new Map((field.stages ?? []).map((s) => [s.value, s]));
  const isLeadStatus = field.objectApiName === 'Lead' && field.apiName === 'Status';
  if (major < VALUE_SET_VERSION) {
    return [
      [
        'picklist',
        [
          ...values.map((v): [string, XmlFields] => {
            const stage = stages.get(v.value);
            const extra: XmlFields = [];
            if (stage) extra.push(['closed', stage.closed], ['forecastCategory', stage.forecastCategory]);
            if (isLeadStatus) extra.push(['converted', CONVERTED_LEAD_STATUSES.has(v.value)]);
            if (stage) extra.push(['probability', stage.probability], ['won', stage.won]);
            return ['picklistValues', [['fullName', v.value], ['default', v.isDefault], ...extra]];
          }),
          ['sorted', false],
        ],
      ],
    ];
  }
  return [
    [
      'valueSet',
      [
        ['restricted', field.picklist?.restricted ?? false],
        [
          'valueSetDefinition',
          [
            ...values.map((v): [string, XmlFields] => [
              'value',
              [
                ['fullName', v.value],
                ['default', v.isDefault],
                ['label', v.label],
              ],
            ]),
            ['sorted', false],
          ],
        ],
      ],
    ],
  ];
}

/** A field's CustomField metadata elements, in the WSDL's order where it matters to readers. */
function customFieldXml(objectName: string, field: FieldModel, major: number): XmlFields {
  const out: XmlFields = [['fullName', `${objectName}.${field.apiName}`]];
  if (field.defaultValue !== undefined) out.push(['defaultValue', field.defaultValue]);
  if (field.defaultChecked !== undefined) out.push(['defaultValue', field.defaultChecked]);
  if (field.description) out.push(['description', field.description]);
  if (field.custom) out.push(['externalId', field.externalId]);
  if (field.formula) out.push(['formula', field.formula]);
  if (field.inlineHelpText) out.push(['inlineHelpText', field.inlineHelpText]);
  out.push(['label', field.label]);
  if (field.length !== undefined) out.push(['length', field.length]);
  if (field.picklist) out.push(...picklistXml(field, major));
  if (field.precision !== undefined) out.push(['precision', field.precision]);
  if (field.referenceTo?.length) out.push(['referenceTo', field.referenceTo[0]]);
  if (field.relationshipName && field.custom) out.push(['relationshipName', field.relationshipName]);
  out.push(['required', field.required]);
  if (field.scale !== undefined) out.push(['scale', field.scale]);
  out.push(['type', field.type]);
  if (field.custom) out.push(['unique', field.unique]);
  return out;
}

/** The `<records>` of a readMetadata of CustomField components (`Object.Field` full names), in order. */
export function readCustomFields(model: ForceAppModel, fullNames: string[], major: number): string {
  return fullNames
    .map((fullName) => {
      const dot = fullName.indexOf('.');
      const obj = dot > 0 ? findObject(model, fullName.slice(0, dot)) : undefined;
      const field = obj ? findField(obj, fullName.slice(dot + 1)) : undefined;
      if (!obj || !field) return '<records xsi:type="CustomField"/>';
      return `<records xsi:type="CustomField">${xmlElements(customFieldXml(obj.apiName, field, major))}</records>`;
    })
    .join('');
}

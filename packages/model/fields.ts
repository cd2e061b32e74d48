/**
 * Reads an object's children: its custom fields (types, lookups and their filters, picklists, roll-up
 * summaries, auto-numbers), validation rules and list views.
 */
import { basename } from 'node:path';
import { asJsonMap, isJsonArray, type AnyJson } from '@salesforce/ts-types';
import type { FieldModel, FieldType, FilterItem, ListViewModel, ValidationRuleModel } from './types';
import { bool, element, list, MetadataError, num, readMetadataXml, str, texts } from './xml';

function filterItems(items: AnyJson | undefined): FilterItem[] {
  return list(items).map((item) => ({
    field: str(item.field) ?? '',
    operation: str(item.operation) ?? '',
    value: str(item.value),
    valueField: str(item.valueField),
  }));
}

const FIELD_TYPES: Record<string, FieldType> = {
  Text: 'Text',
  TextArea: 'TextArea',
  LongTextArea: 'LongTextArea',
  Html: 'Html',
  Number: 'Number',
  Currency: 'Currency',
  Percent: 'Percent',
  Date: 'Date',
  DateTime: 'DateTime',
  Checkbox: 'Checkbox',
  Picklist: 'Picklist',
  MultiselectPicklist: 'MultiselectPicklist',
  Email: 'Email',
  Phone: 'Phone',
  Url: 'Url',
  Lookup: 'Lookup',
  MetadataRelationship: 'Text',
  MasterDetail: 'MasterDetail',
  Summary: 'Summary',
  AutoNumber: 'AutoNumber',
};

export function readField(objectApiName: string, path: string): FieldModel {
  const x = readMetadataXml(path, 'CustomField');
  const apiName = str(x.fullName) ?? basename(path, '.field-meta.xml');
  if (apiName !== basename(path, '.field-meta.xml')) {
    throw new MetadataError(path, `fullName ${apiName} does not match the file name`);
  }
  const rawType = str(x.type);
  const type = rawType ? FIELD_TYPES[rawType] : undefined;
  if (!type) throw new MetadataError(path, `unsupported field type ${rawType ?? '(missing)'}`);
  const formula = str(x.formula);
  const field: FieldModel = {
    objectApiName,
    apiName,
    label: str(x.label) ?? apiName,
    type,
    custom: true,
    description: str(x.description),
    inlineHelpText: str(x.inlineHelpText),
    required: bool(x.required) || type === 'MasterDetail',
    unique: bool(x.unique),
    externalId: bool(x.externalId),
    caseSensitive: bool(x.caseSensitive),
    length: num(x.length),
    precision: num(x.precision),
    scale: num(x.scale),
    visibleLines: num(x.visibleLines),
    defaultValue: str(x.defaultValue),
    defaultChecked: type === 'Checkbox' ? bool(x.defaultValue) : undefined,
    formula,
    formulaTreatBlanksAs:
      formula === undefined
        ? undefined
        : str(x.formulaTreatBlanksAs) === 'BlankAsBlank'
          ? 'BlankAsBlank'
          : 'BlankAsZero',
    systemManaged: formula !== undefined || type === 'Summary' || type === 'AutoNumber',
    sourcePath: path,
  };
  if (type === 'Lookup' || type === 'MasterDetail') {
    const target = str(x.referenceTo);
    field.referenceTo = isJsonArray(x.referenceTo) ? texts(x.referenceTo) : target ? [target] : [];
    field.relationshipName = str(x.relationshipName);
    field.relationshipLabel = str(x.relationshipLabel);
    if (type === 'MasterDetail') field.writeRequiresMasterRead = bool(x.writeRequiresMasterRead);
    field.deleteConstraint =
      type === 'MasterDetail' ? 'Cascade' : ((str(x.deleteConstraint) as FieldModel['deleteConstraint']) ?? 'SetNull');
    const lf = asJsonMap(x.lookupFilter);
    if (lf) {
      field.lookupFilter = {
        active: bool(lf.active),
        optional: bool(lf.isOptional),
        errorMessage: str(lf.errorMessage),
        filters: filterItems(lf.filterItems),
      };
    }
  }
  if (type === 'Picklist' || type === 'MultiselectPicklist') {
    const valueSet = element(x.valueSet);
    const definition = element(valueSet.valueSetDefinition);
    field.picklist = {
      restricted: bool(valueSet.restricted),
      values: list(definition.value).map((v) => ({
        value: str(v.fullName) ?? '',
        label: str(v.label) ?? str(v.fullName) ?? '',
        isDefault: bool(v.default),
      })),
    };
    if (field.picklist.values.length === 0) throw new MetadataError(path, 'picklist has no values');
  }
  if (type === 'Summary') {
    const foreignKey = str(x.summaryForeignKey);
    const operation = str(x.summaryOperation);
    if (!foreignKey || !operation)
      throw new MetadataError(path, 'roll-up summary needs summaryForeignKey and summaryOperation');
    const [childObject, foreignKeyField] = foreignKey.split('.');
    const summarized = str(x.summarizedField);
    field.summary = {
      operation: operation as 'count' | 'sum' | 'min' | 'max',
      childObject,
      foreignKey: foreignKeyField,
      summarizedField: summarized ? summarized.split('.')[1] : undefined,
      filters: filterItems(x.summaryFilterItems),
    };
  }
  if (type === 'AutoNumber') field.autoNumberFormat = str(x.displayFormat);
  return field;
}

export function readValidationRule(path: string): ValidationRuleModel {
  const x = readMetadataXml(path, 'ValidationRule');
  const formula = str(x.errorConditionFormula);
  const errorMessage = str(x.errorMessage);
  if (!formula || !errorMessage)
    throw new MetadataError(path, 'validation rule needs errorConditionFormula and errorMessage');
  return {
    name: str(x.fullName) ?? basename(path, '.validationRule-meta.xml'),
    active: bool(x.active),
    description: str(x.description),
    formula,
    errorMessage,
    errorDisplayField: str(x.errorDisplayField),
    sourcePath: path,
  };
}

export function readListView(path: string): ListViewModel {
  const x = readMetadataXml(path, 'ListView');
  return {
    name: str(x.fullName) ?? basename(path, '.listView-meta.xml'),
    label: str(x.label) ?? '',
    filterScope: str(x.filterScope) ?? 'Everything',
    columns: texts(x.columns),
    filters: list(x.filters).map((f) => ({
      field: str(f.field) ?? '',
      operation: str(f.operation) ?? '',
      value: str(f.value),
    })),
    booleanFilter: str(x.booleanFilter),
    sourcePath: path,
  };
}

/**
 * Multi-currency as an org option: the settings (`startLocalOrg({ multiCurrency })`), and the model changes
 * they make before the schema is compiled: a `CurrencyIsoCode` picklist of the active currencies on every
 * record object, and the `CurrencyType` and (with advanced currency management) `DatedConversionRate` objects.
 * The force-app model is copied, never changed: other orgs in the same process keep one currency.
 */
import type { FieldModel, FieldType, ForceAppModel, ObjectModel } from '@partner-planning/model';

export interface CurrencySetting {
  isoCode: string;
  /** Units of this currency per unit of the corporate currency (the corporate currency's is 1). */
  conversionRate: number;
  /** Default 2 (0 for JPY, KRW and the like is the caller's choice). */
  decimalPlaces?: number;
  /** Default true. */
  isActive?: boolean;
}

export interface DatedRateSetting {
  isoCode: string;
  conversionRate: number;
  /** YYYY-MM-DD: the rate applies from this date until the next dated rate of the same currency. */
  startDate: string;
}

export interface MultiCurrencyOptions {
  /** The corporate currency. Default USD. */
  corporate?: string;
  /** The other currencies (the corporate one is added with rate 1). Default EUR 0.9, GBP 0.8, JPY 150. */
  currencies?: CurrencySetting[];
  /**
   * Advanced currency management: opportunity amounts convert with the dated rate in effect on their
   * CloseDate. Given dated rates turn it on; each currency also has a first range from its static rate.
   */
  datedRates?: DatedRateSetting[];
}

export interface CurrencySettings {
  corporate: string;
  currencies: Required<CurrencySetting>[];
  datedRates: DatedRateSetting[] | undefined;
}

const DEFAULT_CURRENCIES: CurrencySetting[] = [
  { isoCode: 'EUR', conversionRate: 0.9 },
  { isoCode: 'GBP', conversionRate: 0.8 },
  { isoCode: 'JPY', conversionRate: 150, decimalPlaces: 0 },
];

const ISO_CODE = /^[A-Z]{3}$/;

/** Checked settings with their defaults; undefined when the org has one currency. */
export function currencySettings(option: boolean | MultiCurrencyOptions | undefined): CurrencySettings | undefined {
  if (!option) return undefined;
  const given = option === true ? {} : option;
  const corporate = given.corporate ?? 'USD';
  const others = (given.currencies ?? DEFAULT_CURRENCIES).filter((c) => c.isoCode !== corporate);
  const currencies = [{ isoCode: corporate, conversionRate: 1 }, ...others].map((c) => ({
    isoCode: c.isoCode,
    conversionRate: c.conversionRate,
    decimalPlaces: c.decimalPlaces ?? 2,
    isActive: c.isActive ?? true,
  }));
  const codes = new Set<string>();
  for (const c of currencies) {
    if (!ISO_CODE.test(c.isoCode) || codes.has(c.isoCode)) throw new Error(`bad or repeated currency: ${c.isoCode}`);
    if (!(c.conversionRate > 0)) throw new Error(`the conversion rate of ${c.isoCode} must be positive`);
    codes.add(c.isoCode);
  }
  for (const rate of given.datedRates ?? []) {
    if (!codes.has(rate.isoCode)) throw new Error(`dated rate for an unknown currency: ${rate.isoCode}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(rate.startDate) || !(rate.conversionRate > 0)) {
      throw new Error(`bad dated rate for ${rate.isoCode}: ${rate.startDate} ${rate.conversionRate}`);
    }
  }
  return { corporate, currencies, datedRates: given.datedRates };
}

/** Setup objects that carry no currency in an org. */
const NO_CURRENCY = new Set([
  'Organization',
  'Profile',
  'UserLicense',
  'PermissionSet',
  'PermissionSetAssignment',
  'Group',
  'GroupMember',
  'UserRole',
  'RecordType',
  'FiscalYearSettings',
  'Period',
  'CurrencyType',
  'DatedConversionRate',
]);

function field(
  objectApiName: string,
  apiName: string,
  type: FieldType,
  label: string,
  extra: Partial<FieldModel> = {},
) {
  const model: FieldModel = {
    objectApiName,
    apiName,
    label,
    type,
    custom: false,
    required: false,
    unique: false,
    externalId: false,
    caseSensitive: false,
    systemManaged: false,
    ...extra,
  };
  return model;
}

/** A platform object with the audit fields; read-only through the API (the org's settings write it). */
function setupObject(apiName: string, label: string, keyPrefix: string, fields: FieldModel[]): ObjectModel {
  const audit = [
    field(apiName, 'Id', 'Id', 'Record ID', { systemManaged: true, required: true, length: 18 }),
    field(apiName, 'IsDeleted', 'Checkbox', 'Deleted', { systemManaged: true, required: true }),
    field(apiName, 'CreatedDate', 'DateTime', 'Created Date', { systemManaged: true, required: true }),
    field(apiName, 'CreatedById', 'Lookup', 'Created By ID', {
      systemManaged: true,
      required: true,
      referenceTo: ['User'],
      relationshipName: 'CreatedBy',
    }),
    field(apiName, 'LastModifiedDate', 'DateTime', 'Last Modified Date', { systemManaged: true, required: true }),
    field(apiName, 'LastModifiedById', 'Lookup', 'Last Modified By ID', {
      systemManaged: true,
      required: true,
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy',
    }),
    field(apiName, 'SystemModstamp', 'DateTime', 'System Modstamp', { systemManaged: true, required: true }),
  ];
  return {
    apiName,
    label,
    pluralLabel: `${label}s`,
    kind: 'standard',
    sharingModel: 'Read',
    keyPrefix,
    nameIsAutoNumber: false,
    readOnly: true,
    fields: new Map([...audit, ...fields].map((f) => [f.apiName, f])),
    validationRules: [],
    listViews: [],
    compactLayouts: [],
  };
}

function isoCodeField(objectApiName: string, apiName: string, label: string, settings: CurrencySettings): FieldModel {
  return field(objectApiName, apiName, 'Picklist', label, {
    required: true,
    picklist: {
      restricted: true,
      values: settings.currencies
        .filter((c) => c.isActive)
        .map((c) => ({ value: c.isoCode, label: c.isoCode, isDefault: c.isoCode === settings.corporate })),
    },
  });
}

/** The model of a multi-currency org: a copy of `model` with the currency fields and objects. */
export function withMultiCurrency(model: ForceAppModel, settings: CurrencySettings): ForceAppModel {
  const objects = new Map<string, ObjectModel>();
  for (const [name, obj] of model.objects) {
    if (NO_CURRENCY.has(name) || obj.shareOf || obj.kind === 'customMetadata' || obj.readOnly) {
      objects.set(name, obj);
      continue;
    }
    const fields = new Map(obj.fields);
    fields.set('CurrencyIsoCode', isoCodeField(name, 'CurrencyIsoCode', 'Currency ISO Code', settings));
    if (name === 'User') {
      fields.set('DefaultCurrencyIsoCode', isoCodeField(name, 'DefaultCurrencyIsoCode', 'Currency', settings));
    }
    objects.set(name, { ...obj, fields });
  }
  const all = settings.currencies.map((c) => c.isoCode);
  const code = (objectApiName: string, apiName: string): FieldModel =>
    field(objectApiName, apiName, 'Picklist', 'ISO Code', {
      required: true,
      picklist: { restricted: true, values: all.map((v) => ({ value: v, label: v, isDefault: false })) },
    });
  const rate = (objectApiName: string): FieldModel =>
    field(objectApiName, 'ConversionRate', 'Number', 'Conversion Rate', { required: true, precision: 18, scale: 6 });
  objects.set(
    'CurrencyType',
    setupObject('CurrencyType', 'Currency Type', '02C', [
      code('CurrencyType', 'IsoCode'),
      rate('CurrencyType'),
      field('CurrencyType', 'DecimalPlaces', 'Number', 'Decimal Places', { required: true, precision: 1, scale: 0 }),
      field('CurrencyType', 'IsActive', 'Checkbox', 'Active', { required: true }),
      field('CurrencyType', 'IsCorporate', 'Checkbox', 'Corporate', { required: true }),
    ]),
  );
  if (settings.datedRates) {
    objects.set(
      'DatedConversionRate',
      setupObject('DatedConversionRate', 'Dated Conversion Rate', '04w', [
        code('DatedConversionRate', 'IsoCode'),
        rate('DatedConversionRate'),
        field('DatedConversionRate', 'StartDate', 'Date', 'Start Date', { required: true }),
        field('DatedConversionRate', 'NextStartDate', 'Date', 'Next Start Date', { systemManaged: true }),
      ]),
    );
  }
  return { ...model, objects };
}

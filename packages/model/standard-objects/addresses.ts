/**
 * Standard compound address fields (Account's BillingAddress and ShippingAddress, Contact's MailingAddress
 * and OtherAddress, Lead's and User's Address) and the standard value sets that several sales objects share.
 * An address is its component fields (street, city, state, postal code, country, latitude, longitude,
 * geocode accuracy), which clients write, plus the read-only compound field whose value the platform builds
 * from them on read (Object Reference, "Address Compound Fields").
 */
import type { PicklistValue } from '../types';
import type { FieldSpec } from './common';
import { text } from './common';

/** Geocode accuracy values (the standard GeocodeAccuracy value set), API name and label. */
const GEOCODE_ACCURACY: [string, string][] = [
  ['Address', 'Address'],
  ['NearAddress', 'Near Address'],
  ['Block', 'Block'],
  ['Street', 'Street'],
  ['ExtendedZip', 'Extended Zip'],
  ['Zip', 'Zip'],
  ['Neighborhood', 'Neighborhood'],
  ['City', 'City'],
  ['County', 'County'],
  ['State', 'State'],
  ['Unknown', 'Unknown'],
];

/** Data.com clean status (CleanStatus), API name and label; a new record is Pending ("Not Compared"). */
const CLEAN_STATUSES: [string, string][] = [
  ['Matched', 'In Sync'],
  ['Different', 'Different'],
  ['Acknowledged', 'Reviewed'],
  ['NotFound', 'Not Found'],
  ['Inactive', 'Inactive'],
  ['Pending', 'Not Compared'],
  ['SelectMatch', 'Select Match'],
  ['Skipped', 'Skipped'],
];

const labelled = (values: [string, string][], defaultValue?: string): PicklistValue[] =>
  values.map(([value, label]) => ({ value, label, isDefault: value === defaultValue }));

/** The standard Industry value set. */
export const INDUSTRIES = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other',
];

/** The standard Salutation value set (Contact, Lead). */
export const SALUTATIONS = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.'];

/** The standard Rating value set (Account, Lead). */
export const RATINGS = ['Hot', 'Warm', 'Cold'];

/** Account.Ownership. */
export const OWNERSHIPS = ['Public', 'Private', 'Subsidiary', 'Other'];

/** CleanStatus: restricted, set by Data.com (Pending until a record is compared). */
export const cleanStatus = (): FieldSpec => ({
  type: 'Picklist',
  label: 'Clean Status',
  length: 40,
  picklist: { restricted: true, values: labelled(CLEAN_STATUSES, 'Pending') },
});

/** Data.com Key (Jigsaw): the record's key in Data.com, written by Data.com clean jobs or by clients. */
export const jigsaw = (): FieldSpec => text('Data.com Key', 20);

/** The JSON keys of an address value, each with its component's name suffix and label. */
const PARTS: { key: string; suffix: string; label: string; spec: (label: string) => FieldSpec }[] = [
  { key: 'street', suffix: 'Street', label: 'Street', spec: (label) => ({ type: 'TextArea', label, length: 255 }) },
  { key: 'city', suffix: 'City', label: 'City', spec: (label) => text(label, 40) },
  { key: 'state', suffix: 'State', label: 'State/Province', spec: (label) => text(label, 80) },
  { key: 'postalCode', suffix: 'PostalCode', label: 'Zip/Postal Code', spec: (label) => text(label, 20) },
  { key: 'country', suffix: 'Country', label: 'Country', spec: (label) => text(label, 80) },
  {
    key: 'latitude',
    suffix: 'Latitude',
    label: 'Latitude',
    spec: (label) => ({ type: 'Number', label, precision: 18, scale: 15 }),
  },
  {
    key: 'longitude',
    suffix: 'Longitude',
    label: 'Longitude',
    spec: (label) => ({ type: 'Number', label, precision: 18, scale: 15 }),
  },
  {
    key: 'geocodeAccuracy',
    suffix: 'GeocodeAccuracy',
    label: 'Geocode Accuracy',
    spec: (label) => ({
      type: 'Picklist',
      label,
      length: 40,
      picklist: { restricted: true, values: labelled(GEOCODE_ACCURACY) },
    }),
  },
];

/**
 * An address: its components (`BillingStreet`...`BillingGeocodeAccuracy`, or `Street`... for prefix '') and
 * the compound (`BillingAddress`). `labelPrefix` starts each label ("Billing" gives "Billing City").
 */
export function addressFields(prefix: string, labelPrefix: string): Record<string, FieldSpec> {
  const compound = `${prefix}Address`;
  const specs: Record<string, FieldSpec> = {};
  const components: Record<string, string> = {};
  for (const part of PARTS) {
    const name = `${prefix}${part.suffix}`;
    const label = labelPrefix ? `${labelPrefix} ${part.label}` : part.label;
    specs[name] = { ...part.spec(label), compoundFieldName: compound };
    components[part.key] = name;
  }
  specs[compound] = {
    type: 'Address',
    label: labelPrefix ? `${labelPrefix} Address` : 'Address',
    systemManaged: true,
    compoundComponents: components,
  };
  return specs;
}

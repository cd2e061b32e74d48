/**
 * Numbers as a Lightning record page and list view show a number or percent field: grouped (en-US), with
 * exactly the field's scale of decimals (a percent of scale 2 reads 77.80%, as Salesforce shows it), the value
 * rounded half up to that scale. Without a known scale, up to three decimals and no trailing zeros.
 */

/** The field's number in its scale's decimals. */
export function scaledNumber(value: number, scale?: number | null): string {
  if (scale === undefined || scale === null) return value.toLocaleString('en-US');
  const digits = Math.max(0, Math.min(18, scale));
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A percent field's value (percent points, 77.8) with its sign: 77.80% for a field of scale 2. */
export const scaledPercent = (value: number, scale?: number | null): string => `${scaledNumber(value, scale)}%`;

/**
 * Reading field values out of UI API record representations, following spanning fields
 * (`Opportunity.Account.Name`) as the platform's getFieldValue and getFieldDisplayValue do. Shared by the
 * local app's `lightning/uiRecordApi` and the jest mock of that module, so both keep the platform's contract.
 */
interface RecordLike {
  fields: Record<string, { value: unknown; displayValue: string | null }>;
}

export type FieldRef = { objectApiName: string; fieldApiName: string } | string;

/** The field names after the object: `Opportunity.Account.Name` -> [Account, Name]. */
export function fieldPath(field: FieldRef): string[] {
  const qualified = typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
  return qualified.split('.').slice(1);
}

const isRecord = (value: unknown): value is RecordLike =>
  typeof value === 'object' && value !== null && 'fields' in value;

/** The value at the field path; undefined when a field along it is missing. */
export function recordFieldValue(record: RecordLike | null | undefined, field: FieldRef): unknown {
  let current: unknown = record ?? undefined;
  for (const name of fieldPath(field)) {
    if (!isRecord(current)) return undefined;
    const entry = current.fields[name];
    if (!entry) return undefined;
    current = entry.value;
  }
  return current;
}

/** The display value at the field path; undefined when a field along it is missing. */
export function recordFieldDisplayValue(
  record: RecordLike | null | undefined,
  field: FieldRef,
): string | null | undefined {
  const path = fieldPath(field);
  let current: unknown = record;
  for (let i = 0; i < path.length; i++) {
    if (!isRecord(current)) return undefined;
    const entry = current.fields[path[i]];
    if (!entry) return undefined;
    if (i === path.length - 1) return entry.displayValue;
    current = entry.value;
  }
  return undefined;
}

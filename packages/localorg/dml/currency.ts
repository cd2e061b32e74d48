/**
 * The currency of detail records in a multi-currency org: a record on the detail side of a master-detail
 * relationship takes its master's CurrencyIsoCode (whatever the client gave), and changing a master's
 * currency changes its details' (and theirs, down the chain), as Salesforce keeps a detail's currency
 * the same as its master's so roll-up summaries add up in one currency.
 */
import type { ObjectSchema } from '../schema';
import { quoteIdent, type Row } from '../sql';
import type { Storage } from '../storage';

/** The first master-detail field of `obj` (a junction's primary relationship), when it has a currency. */
function masterField(obj: ObjectSchema) {
  if (!obj.fields.has('CurrencyIsoCode')) return undefined;
  return [...obj.fields.values()].find((f) => f.model.type === 'MasterDetail' && f.model.referenceTo?.length === 1);
}

/** Sets `row`'s CurrencyIsoCode to its master's, for a detail object of a multi-currency org. */
export function inheritMasterCurrency(storage: Storage, obj: ObjectSchema, row: Row): void {
  const field = masterField(obj);
  const masterId = field ? row[field.column] : undefined;
  if (!field || typeof masterId !== 'string') return;
  const master = storage.schema.objects.get(field.model.referenceTo?.[0] ?? '');
  const iso = master?.fields.get('CurrencyIsoCode');
  if (!master || !iso) return;
  const found = storage
    .statement(`SELECT ${quoteIdent(iso.column)} AS code FROM ${quoteIdent(master.table)} WHERE "Id" = ?`)
    .get(masterId) as { code: string | null } | undefined;
  if (found?.code) row[obj.fields.get('CurrencyIsoCode')?.column ?? 'CurrencyIsoCode'] = found.code;
}

/** After a master's currency changed: its details (and their details) take the new currency. */
export function cascadeCurrency(storage: Storage, master: ObjectSchema, id: string, code: string): void {
  for (const detail of storage.schema.objects.values()) {
    const field = masterField(detail);
    const iso = detail.fields.get('CurrencyIsoCode');
    if (!field || !iso || field.model.referenceTo?.[0] !== master.name) continue;
    const children = storage
      .statement(`SELECT "Id" AS id FROM ${quoteIdent(detail.table)} WHERE ${quoteIdent(field.column)} = ?`)
      .all(id) as { id: string }[];
    if (children.length === 0) continue;
    storage
      .statement(
        `UPDATE ${quoteIdent(detail.table)} SET ${quoteIdent(iso.column)} = ? WHERE ${quoteIdent(field.column)} = ?`,
      )
      .run(code, id);
    for (const child of children) cascadeCurrency(storage, detail, child.id, code);
  }
}

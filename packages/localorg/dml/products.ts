/**
 * Products and price books as the platform keeps them: the standard price book cannot be deleted; a product
 * is priced in the standard price book before any custom one (STANDARD_PRICE_NOT_DEFINED); and an
 * opportunity with products has the sum of their TotalPrice as its Amount and of their Quantity as its
 * TotalOpportunityQuantity, recomputed whenever a product is added, changed or removed. A client's Amount
 * on such an opportunity is ignored without an error, as the REST API does.
 */
import type { ObjectSchema } from '../schema';
import { quoteIdent, type Row } from '../sql';
import type { Storage } from '../storage';
import { recordError } from './common';

/** Refuses deleting the org's standard price book: clients may only update it. */
export function assertDeletable(obj: ObjectSchema, row: Row): void {
  if (obj.name === 'Pricebook2' && row.IsStandard === 1) {
    throw recordError('DELETE_FAILED', 'You cannot delete the standard price book.');
  }
}

/**
 * A new entry in a custom price book needs an entry for the same product in the standard price book
 * (the product's standard price) first.
 */
export function assertStandardPrice(storage: Storage, row: Row): void {
  const books = storage.schema.objects.get('Pricebook2');
  const entries = storage.schema.objects.get('PricebookEntry');
  if (!books || !entries || typeof row.Pricebook2Id !== 'string') return;
  const book = storage.getRow(books, row.Pricebook2Id);
  if (!book || book.IsStandard === 1) return;
  const standard = storage
    .statement(
      `SELECT e."Id" FROM ${quoteIdent(entries.table)} e JOIN ${quoteIdent(books.table)} b ON b."Id" = e."Pricebook2Id"
       WHERE e."Product2Id" = ? AND e."IsDeleted" = 0 AND b."IsStandard" = 1 LIMIT 1`,
    )
    .get(row.Product2Id);
  if (!standard) {
    throw recordError(
      'STANDARD_PRICE_NOT_DEFINED',
      'No standard price defined for this product: before creating a custom price, create a standard price.',
      ['Product2Id'],
    );
  }
}

/**
 * A new opportunity product's price book entry must be active and in the opportunity's price book (an
 * opportunity without one takes the entry's: see rollUpOpportunityProducts).
 */
export function assertEntryFits(storage: Storage, line: Row, entry: Row): void {
  const integrity = (why: string): Error =>
    recordError('FIELD_INTEGRITY_EXCEPTION', `field integrity exception: PricebookEntryId (${why})`, [
      'PricebookEntryId',
    ]);
  if (entry.IsActive !== 1) throw integrity('pricebook entry is inactive');
  const opportunities = storage.schema.objects.get('Opportunity');
  const opportunity =
    opportunities && typeof line.OpportunityId === 'string'
      ? storage.getRow(opportunities, line.OpportunityId)
      : undefined;
  const book = opportunity?.Pricebook2Id;
  if (typeof book === 'string' && book !== entry.Pricebook2Id)
    throw integrity('pricebook entry is in a different pricebook than the one assigned to the opportunity');
}

/** The sums of an opportunity's live products, or undefined when it has none. */
export function productTotals(
  storage: Storage,
  opportunityId: string,
): { amount: number; quantity: number } | undefined {
  const lines = storage.schema.objects.get('OpportunityLineItem');
  if (!lines) return undefined;
  const sums = storage
    .statement(
      `SELECT COUNT(*) AS n, SUM("TotalPrice") AS amount, SUM("Quantity") AS quantity
       FROM ${quoteIdent(lines.table)} WHERE "OpportunityId" = ? AND "IsDeleted" = 0`,
    )
    .get(opportunityId) as { n: number; amount: number | null; quantity: number | null };
  if (sums.n === 0) return undefined;
  return { amount: round2(sums.amount ?? 0), quantity: round2(sums.quantity ?? 0) };
}

/**
 * On an opportunity's save: one with products keeps their sums whatever the client wrote. (One without
 * keeps the client's Amount and TotalOpportunityQuantity.)
 */
export function deriveOpportunityTotals(storage: Storage, row: Row): void {
  if (typeof row.Id !== 'string') return; // a new opportunity has no products yet
  const totals = productTotals(storage, row.Id);
  if (!totals) return;
  row.Amount = totals.amount;
  row.TotalOpportunityQuantity = totals.quantity;
}

/**
 * After a write to an opportunity product (`before` and `after` the change; one is undefined on insert or
 * delete): the opportunities it was and is on get their products' sums. Returns each opportunity changed,
 * its row before and the columns written, for the roll-ups that depend on the opportunity.
 */
export function rollUpOpportunityProducts(
  storage: Storage,
  before: Row | undefined,
  after: Row | undefined,
  stamp: string,
): { opportunity: ObjectSchema; current: Row; diff: Row }[] {
  const opportunity = storage.schema.objects.get('Opportunity');
  if (!opportunity) return [];
  const ids = new Set([before?.OpportunityId, after?.OpportunityId].filter((id) => typeof id === 'string'));
  const changed: { opportunity: ObjectSchema; current: Row; diff: Row }[] = [];
  for (const id of ids as Set<string>) {
    const current = storage.getRow(opportunity, id);
    if (!current || current.IsDeleted === 1) continue;
    // Removing the last product leaves both as they were: the client may set them again.
    const totals = productTotals(storage, id);
    if (!totals) continue;
    const next: Row = { Amount: totals.amount, TotalOpportunityQuantity: totals.quantity };
    // An opportunity's first product gives it its price book.
    const book = after && entryBook(storage, after.PricebookEntryId);
    if ((current.Pricebook2Id === null || current.Pricebook2Id === undefined) && book) next.Pricebook2Id = book;
    const diff: Row = {};
    for (const [key, value] of Object.entries(next)) if (current[key] !== value) diff[key] = value;
    if (Object.keys(diff).length === 0) continue;
    diff.SystemModstamp = stamp;
    storage.updateRow(opportunity, id, diff);
    changed.push({ opportunity, current, diff });
  }
  return changed;
}

/** The price book of a price book entry. */
function entryBook(storage: Storage, entryId: unknown): string | undefined {
  const entries = storage.schema.objects.get('PricebookEntry');
  const entry = entries && typeof entryId === 'string' ? storage.getRow(entries, entryId) : undefined;
  return typeof entry?.Pricebook2Id === 'string' ? entry.Pricebook2Id : undefined;
}

/** Currency and quantity fields keep two decimals (scale 2). */
const round2 = (n: number): number => Math.round(n * 100) / 100;

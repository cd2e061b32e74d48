/**
 * Products on won deals: the product catalog (Product2, with a price in the org's standard price book) and,
 * per partner from its own stream (`lines-<n>`), the line items of a share of its won opportunities: the
 * product the deal is named after, sometimes with a support renewal, whose total prices add up exactly to
 * the deal's Amount (Salesforce sets an opportunity's Amount to the sum of its products' total prices, so
 * revenue figures stay the same whether or not a deal has products).
 */
import { key, type PartnerProfile, type SeedContext } from './context';
import { ref, STANDARD_PRICEBOOK, type SeedRecord } from './records';
import { PRODUCT_CATALOG } from './vocabulary';

const productKey = (ctx: SeedContext, code: string): string => key(ctx, 'product', code);
const entryKey = (ctx: SeedContext, code: string): string => key(ctx, 'pbe', code);

/** The products and their standard prices. No randomness. */
export function productCatalog(ctx: SeedContext): { products: SeedRecord[]; entries: SeedRecord[] } {
  return {
    products: PRODUCT_CATALOG.map((p) => ({
      sobject: 'Product2',
      key: productKey(ctx, p.code),
      // The seed finds its products again by code (Product2 has no External_Key__c).
      fields: { Name: p.name, ProductCode: p.code, Family: p.family, IsActive: true },
    })),
    entries: PRODUCT_CATALOG.map((p) => ({
      sobject: 'PricebookEntry',
      key: entryKey(ctx, p.code),
      fields: {
        Pricebook2Id: ref('Pricebook2', STANDARD_PRICEBOOK),
        Product2Id: ref('Product2', productKey(ctx, p.code)),
        UnitPrice: p.listPrice,
        IsActive: true,
      },
    })),
  };
}

const SUPPORT = PRODUCT_CATALOG.find((p) => p.code === 'PAP-SUP') ?? PRODUCT_CATALOG[0];

/** Line items of the partner's won opportunities (a share of them, by scale). */
export function partnerLineItems(ctx: SeedContext, profile: PartnerProfile, opportunities: SeedRecord[]): SeedRecord[] {
  const rng = ctx.root.fork(`lines-${profile.index}`);
  const items: SeedRecord[] = [];
  for (const opportunity of opportunities) {
    if (opportunity.fields.StageName !== 'Closed Won') continue;
    if (!rng.chance(ctx.scale.programme.lineItemShare)) continue;
    const amount = Number(opportunity.fields.Amount);
    const name = String(opportunity.fields.Name);
    // Deals are named "Customer – Product FY2027 Q1" (opportunities.ts).
    const main = PRODUCT_CATALOG.find((p) => name.includes(` – ${p.name} `)) ?? PRODUCT_CATALOG[0];
    // A support renewal rides along on a third of the deals that are not support deals themselves.
    const withSupport = main !== SUPPORT && amount >= 5000 && rng.chance(0.35);
    const supportTotal = withSupport ? Math.round((amount * (0.1 + rng.next() * 0.1)) / 100) * 100 : 0;
    const lines = [{ product: main, total: amount - supportTotal }];
    if (withSupport) lines.push({ product: SUPPORT, total: supportTotal });
    for (const line of lines) {
      // Units at about the list price (with a partner discount or a premium); TotalPrice keeps the sum exact.
      const quantity = Math.max(1, Math.round(line.total / (line.product.listPrice * (0.8 + rng.next() * 0.3))));
      items.push({
        sobject: 'OpportunityLineItem',
        key: `${opportunity.key}-line-${line.product.code}`,
        fields: {
          OpportunityId: ref('Opportunity', opportunity.key),
          PricebookEntryId: ref('PricebookEntry', entryKey(ctx, line.product.code)),
          Product2Id: ref('Product2', productKey(ctx, line.product.code)),
          Quantity: quantity,
          TotalPrice: line.total,
        },
      });
    }
  }
  return items;
}

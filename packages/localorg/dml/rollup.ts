/**
 * Roll-up summary fields: after every write to a detail record, the COUNT, SUM, MIN or MAX of its masters
 * (old and new parents) are recomputed with one aggregate query per master, and a master that is itself a
 * detail passes the change up.
 */
import type { RollupSummary } from '@partner-planning/model';
import type { RequestContext } from '../context';
import { findFieldSchema, type FieldSchema, type ObjectSchema } from '../schema';
import { quoteIdent, type Row, type SqlValue } from '../sql';
import type { Storage } from '../storage';
import { rollUpOpportunityProducts } from './products';
import { filterSql } from './summary-filter';

/** A roll-up summary field together with its master object. */
interface Rollup {
  master: ObjectSchema;
  field: FieldSchema;
  summary: RollupSummary;
}

/** The org's roll-up summary fields, recomputed after each write to one of their detail objects. */
export class Rollups {
  /** Roll-ups keyed by child object name. */
  private readonly rollupsByChild = new Map<string, Rollup[]>();

  constructor(private readonly storage: Storage) {
    for (const obj of storage.schema.objects.values()) {
      for (const field of obj.fields.values()) {
        const summary = field.model.summary;
        if (!summary) continue;
        const list = this.rollupsByChild.get(summary.childObject) ?? [];
        list.push({ master: obj, field, summary });
        this.rollupsByChild.set(summary.childObject, list);
      }
    }
  }

  /** Recomputes the roll-up summaries of every master the write touched (old and new parents). */
  afterWrite(ctx: RequestContext, obj: ObjectSchema, before: Row | undefined, after: Row | undefined): void {
    // An opportunity's Amount follows its products like a roll-up (see products.ts).
    if (obj.name === 'OpportunityLineItem') {
      for (const c of rollUpOpportunityProducts(this.storage, before, after, ctx.now.toISOString()))
        this.afterWrite(ctx, c.opportunity, c.current, { ...c.current, ...c.diff });
    }
    const rollups = this.rollupsByChild.get(obj.name);
    if (!rollups) return;
    // One aggregate query per (master, foreign key, master id), covering all its roll-up fields.
    const groups = new Map<string, { master: ObjectSchema; foreignKey: string; rollups: Rollup[] }>();
    for (const r of rollups) {
      const key = `${r.master.name}.${r.summary.foreignKey}`;
      const group = groups.get(key) ?? { master: r.master, foreignKey: r.summary.foreignKey, rollups: [] };
      group.rollups.push(r);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      const fk = findFieldSchema(obj, group.foreignKey);
      if (!fk) continue;
      const masterIds = new Set<string>();
      for (const row of [before, after]) {
        const value = row?.[fk.column];
        if (typeof value === 'string') masterIds.add(value);
      }
      for (const masterId of masterIds) this.recompute(ctx, obj, fk, group.master, group.rollups, masterId);
    }
  }

  private recompute(
    ctx: RequestContext,
    child: ObjectSchema,
    fk: FieldSchema,
    master: ObjectSchema,
    rollups: Rollup[],
    masterId: string,
  ): void {
    const current = this.storage.getRow(master, masterId);
    if (!current || current.IsDeleted === 1) return;
    const params: SqlValue[] = [];
    const exprs = rollups.map((r, i) => {
      const condition = filterSql(child, r.summary.filters, params);
      const column = r.summary.summarizedField ? findFieldSchema(child, r.summary.summarizedField) : undefined;
      const value = column ? quoteIdent(column.column) : '1';
      const when = `CASE WHEN ${condition} THEN ${value} END`;
      switch (r.summary.operation) {
        case 'count':
          return `COUNT(${when}) AS "r${i}"`;
        case 'sum':
          return `COALESCE(SUM(${when}), 0) AS "r${i}"`;
        case 'min':
          return `MIN(${when}) AS "r${i}"`;
        default:
          return `MAX(${when}) AS "r${i}"`;
      }
    });
    const sql = `SELECT ${exprs.join(', ')} FROM ${quoteIdent(child.table)} WHERE ${quoteIdent(fk.column)} = ? AND "IsDeleted" = 0`;
    const result = this.storage.statement(sql).get(...params, masterId) as Record<string, SqlValue>;
    const diff: Row = {};
    rollups.forEach((r, i) => {
      const value = result[`r${i}`] ?? null;
      if (value !== current[r.field.column]) diff[r.field.column] = value;
    });
    if (Object.keys(diff).length === 0) return;
    diff.SystemModstamp = ctx.now.toISOString();
    this.storage.updateRow(master, masterId, diff);
    // The master may itself be the detail of another roll-up.
    this.afterWrite(ctx, master, current, { ...current, ...diff });
  }
}

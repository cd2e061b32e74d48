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

/** A child's roll-ups onto one master through one foreign key, and the master columns a recompute reads. */
interface RollupGroup {
  master: ObjectSchema;
  foreignKey: FieldSchema;
  rollups: Rollup[];
  columns: string[];
  /** One aggregate query computing every summary for a master Id (bound last), with its filters' values. */
  sql: string;
  params: SqlValue[];
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
    for (const group of this.groupsOf(obj)) {
      const masterIds = new Set<string>();
      for (const row of [before, after]) {
        const value = row?.[group.foreignKey.column];
        if (typeof value === 'string') masterIds.add(value);
      }
      for (const masterId of masterIds) this.recompute(ctx, group, masterId);
    }
  }

  private readonly groupsByChild = new Map<string, RollupGroup[]>();

  /**
   * A child object's roll-ups grouped by (master, foreign key): one aggregate query per master covers them all.
   * With each group, its query and the columns a recompute reads of the master: Id, IsDeleted, the summaries, and
   * the keys of the masters it may pass the change to (a wide master row costs far more to read than these).
   */
  private groupsOf(obj: ObjectSchema): RollupGroup[] {
    let groups = this.groupsByChild.get(obj.name);
    if (groups) return groups;
    const byKey = new Map<string, { master: ObjectSchema; rollups: Rollup[] }>();
    for (const r of this.rollupsByChild.get(obj.name) ?? []) {
      const key = `${r.master.name}.${r.summary.foreignKey}`;
      const group = byKey.get(key) ?? { master: r.master, rollups: [] };
      group.rollups.push(r);
      byKey.set(key, group);
    }
    groups = [];
    for (const { master, rollups } of byKey.values()) {
      const foreignKey = findFieldSchema(obj, rollups[0].summary.foreignKey);
      if (!foreignKey) continue;
      const keys = (this.rollupsByChild.get(master.name) ?? []).flatMap((r) => {
        const fk = findFieldSchema(master, r.summary.foreignKey);
        return fk ? [fk.column] : [];
      });
      const columns = [...new Set(['Id', 'IsDeleted', ...rollups.map((r) => r.field.column), ...keys])];
      const params: SqlValue[] = [];
      const exprs = rollups.map((r, i) => {
        const condition = filterSql(obj, r.summary.filters, params);
        const column = r.summary.summarizedField ? findFieldSchema(obj, r.summary.summarizedField) : undefined;
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
      const sql = `SELECT ${exprs.join(', ')} FROM ${quoteIdent(obj.table)} WHERE ${quoteIdent(foreignKey.column)} = ? AND "IsDeleted" = 0`;
      groups.push({ master, foreignKey, rollups, columns, sql, params });
    }
    this.groupsByChild.set(obj.name, groups);
    return groups;
  }

  private recompute(ctx: RequestContext, group: RollupGroup, masterId: string): void {
    const { master, rollups } = group;
    const current = this.storage.getColumns(master, masterId, group.columns);
    if (!current || current.IsDeleted === 1) return;
    const result = this.storage.statement(group.sql).get(...group.params, masterId) as Record<string, SqlValue>;
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

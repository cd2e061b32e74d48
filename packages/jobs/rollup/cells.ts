/**
 * The aggregate results of one metric over one period, as cells by partner, person and customer account,
 * and how a target's value is read from them (merging the cells of the people it counts).
 */
import type { MetricDefinition } from './catalog';
import { cellValue, emptyCell, mergeCells, type Cell } from './compute';
import { groupKey } from './soql';

/** One row of an aggregate query: its group (partner, person, customer, month) and its aggregates. */
export interface AggregateRow {
  p: string;
  u?: string | null;
  c?: string | null;
  n?: number | null;
  s?: number | null;
  lo?: number | null;
  hi?: number | null;
  d?: number | null;
  /** Calendar year and month, in month-grouped queries. */
  y?: number | null;
  m?: number | null;
}

export const toCell = (row: AggregateRow): Cell => ({
  sum: row.s ?? 0,
  count: row.n ?? 0,
  min: row.lo ?? null,
  max: row.hi ?? null,
  distinct: row.d ?? 0,
});

/** Aggregate cells of one metric over one period: by partner and person, and by customer where needed. */
export class MetricCells {
  /** `${partner}|${person}|${customer}` -> cell; customer '' for partner-level rows. */
  readonly cells = new Map<string, Cell>();
  /** `${partner}|${customer}` -> each person's cell there, so a target reads only its own partner's cells. */
  private readonly byPartnerCustomer = new Map<string, { person: string; cell: Cell }[]>();

  add(partner: string, person: string, customer: string, cell: Cell): void {
    const key = groupKey(partner, person, customer);
    const at = `${partner}|${customer}`;
    const list = this.byPartnerCustomer.get(at) ?? [];
    if (this.cells.has(key)) {
      const entry = list.find((e) => e.person === person);
      if (entry) entry.cell = cell;
    } else {
      list.push({ person, cell });
      this.byPartnerCustomer.set(at, list);
    }
    this.cells.set(key, cell);
  }

  value(metric: MetricDefinition, partner: string, people: string[] | undefined, customer: string): number | null {
    const selected: Cell[] = [];
    for (const { person, cell } of this.byPartnerCustomer.get(`${partner}|${customer}`) ?? []) {
      if (!people || people.includes(person)) selected.push(cell);
    }
    return cellValue(metric, selected.length ? mergeCells(selected) : emptyCell());
  }
}

/** `${metric}@${period key}` -> the metric's cells over that period: what the run phase produces. */
export type MetricValues = Map<string, MetricCells>;

export const valuesKey = (metric: string, period: string): string => `${metric}@${period}`;

import { LightningElement, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  LAST_SUCCESSFUL_RUN_QUERY,
  RECENT_RUNS_QUERY,
  readRuns,
  type GraphQLResult,
  type Loadable,
  type RollupRun,
} from 'c/planData';
import {
  formatDateTime,
  formatLabel,
  rollupFreshness,
  STALE_AFTER_HOURS,
  type Freshness,
  type FreshnessProblem,
} from 'c/planInsights';
import { LABELS } from './labels';

const LOADING = { kind: 'loading' } as const;

/**
 * "Actuals as of <time>" from the last successful rollup run, with a warning when the actuals are stale
 * (older than STALE_AFTER_HOURS) or the last run failed, was partial or never finished. Shows nothing while
 * the history loads, or when the user cannot read it (the figures themselves stay usable).
 */
export default class RollupFreshness extends LightningElement {
  labels = LABELS;

  lastSuccess: Loadable<RollupRun[]> = LOADING;
  recent: Loadable<RollupRun[]> = LOADING;

  @wire(graphql, { query: LAST_SUCCESSFUL_RUN_QUERY })
  wiredLastSuccess(result: GraphQLResult): void {
    this.lastSuccess = readRuns(result);
  }

  @wire(graphql, { query: RECENT_RUNS_QUERY })
  wiredRecent(result: GraphQLResult): void {
    this.recent = readRuns(result);
  }

  get freshness(): Freshness | null {
    if (this.lastSuccess.kind !== 'ready' || this.recent.kind !== 'ready') return null;
    return rollupFreshness(this.lastSuccess.value[0] ?? null, this.recent.value, new Date());
  }

  get isReady(): boolean {
    return this.freshness !== null;
  }

  private when(iso: string | null): string {
    return formatDateTime(iso, LOCALE, TIME_ZONE);
  }

  get asOfText(): string {
    const freshness = this.freshness;
    return freshness && freshness.asOf ? formatLabel(LABELS.asOf, this.when(freshness.asOf)) : LABELS.never;
  }

  private warningText(kind: FreshnessProblem, run: RollupRun | null): string {
    const name = run ? run.name : '';
    const started = this.when(run ? run.startedAt : null);
    if (kind === 'failed') return formatLabel(LABELS.failed, name, started);
    if (kind === 'partial') return formatLabel(LABELS.partial, name, started, run && run.failures ? run.failures : 0);
    if (kind === 'unfinished') return formatLabel(LABELS.unfinished, name, started);
    return formatLabel(LABELS.stale, STALE_AFTER_HOURS);
  }

  get warnings(): { kind: FreshnessProblem; text: string }[] {
    const freshness = this.freshness;
    return freshness ? freshness.problems.map((p) => ({ kind: p.kind, text: this.warningText(p.kind, p.run) })) : [];
  }
}

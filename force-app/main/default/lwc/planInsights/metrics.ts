/**
 * The metric catalog as c/planInsights reads it: the action types a metric counts, labels, units and semantics.
 */
import { semanticsOf } from 'c/metricSemantics';
import type { Metric } from 'c/planData';
import type { SemanticsByMetric } from './pace';

const EXACT_TYPE = /^\s*Action_Type__c\s*=\s*'([^']*)'\s*$/i;
const TYPE_LIST = /^\s*Action_Type__c\s+IN\s*\(([^)]*)\)\s*$/i;

/**
 * The action types a metric counts, read from its filter: `Action_Type__c = 'Demo'` counts exactly one
 * type, `Action_Type__c IN ('A', 'B')` several; other metrics count no specific type.
 */
export function actionTypesOf(metric: Metric): { types: string[]; exact: boolean } {
  if (metric.sourceObject !== 'APR_Action__c' || !metric.filter) return { types: [], exact: false };
  const exact = EXACT_TYPE.exec(metric.filter);
  if (exact) return { types: [exact[1]], exact: true };
  const list = TYPE_LIST.exec(metric.filter);
  if (list) {
    const types = list[1]
      .split(',')
      .map((s) => s.trim().replace(/^'|'$/g, ''))
      .filter((s) => s);
    return { types, exact: false };
  }
  return { types: [], exact: false };
}

/** The active metrics that count an action type, the ones counting only that type first. */
export function metricsForActionType(metrics: Metric[], actionType: string): string[] {
  const matching = metrics
    .filter((m) => m.active)
    .map((m) => ({ name: m.name, ...actionTypesOf(m) }))
    .filter((m) => m.types.includes(actionType));
  return [...matching.filter((m) => m.exact), ...matching.filter((m) => !m.exact)].map((m) => m.name);
}

/** The catalog label of a metric; the developer name made readable when the catalog lacks it. */
export function metricLabel(metrics: Metric[], name: string): string {
  const metric = metrics.find((m) => m.name === name);
  return metric ? metric.label : humanize(name);
}

export const metricUnit = (metrics: Metric[], name: string): string | null => {
  const metric = metrics.find((m) => m.name === name);
  return metric ? metric.unit : null;
};

export function humanize(developerName: string): string {
  return developerName.replace(/_/g, ' ').trim();
}

/** Each catalog metric's semantics (direction, shape, thresholds) by DeveloperName, as pace reads them. */
export function catalogSemantics(metrics: Metric[]): SemanticsByMetric {
  const semantics: SemanticsByMetric = {};
  for (const m of metrics) {
    semantics[m.name] = semanticsOf({
      direction: m.direction,
      shape: m.shape,
      aheadThreshold: m.aheadThreshold,
      behindThreshold: m.behindThreshold,
    });
  }
  return semantics;
}

/* eslint-disable no-restricted-globals -- the babel parser reports property signatures (name) as uses of globals */
/**
 * The review pack as the page shows it: every figure of a version 1 snapshot formatted as text. Pure of the
 * platform's data modules; the snapshot's values are shown as they were frozen, never read again.
 */
import type { ReviewSnapshot, SnapshotCount, SnapshotTarget } from 'c/planData';
import { formatDate, formatDateTime, formatLabel, formatPercent, formatValue } from 'c/planInsights';
import { LABELS } from './labels';

export interface Formatting {
  locale: string;
  timeZone: string;
}

export interface TargetRow {
  key: string;
  metric: string;
  section: string;
  period: string;
  target: string;
  actual: string;
  attainment: string;
  pace: string;
}

export interface CountRow {
  key: string;
  label: string;
  count: string;
}

export interface PackView {
  planName: string;
  partnerName: string;
  periodLabel: string;
  preparedBy: string;
  preparedOn: string;
  headline: { key: string; label: string; value: string }[];
  sections: { key: string; name: string; attainment: string; rows: TargetRow[]; hasRows: boolean }[];
  hasSections: boolean;
  actionsByType: CountRow[];
  actionsByPerson: CountRow[];
  actionsTotal: string;
  hasActions: boolean;
  wins: { key: string; name: string; account: string; amount: string; closeDate: string }[];
  hasWins: boolean;
  staleDeals: {
    key: string;
    name: string;
    account: string;
    stage: string;
    amount: string;
    closeDate: string;
    lastAction: string;
  }[];
  hasStaleDeals: boolean;
  comments: { key: string; author: string; date: string; body: string; internalOnly: boolean }[];
  hasComments: boolean;
  omittedComments: string | null;
  nextQuarter: TargetRow[];
  hasNextQuarter: boolean;
}

const dash = (text: string | null | undefined): string => (text ? text : '—');

function targetRow(t: SnapshotTarget, f: Formatting): TargetRow {
  const value = (n: number | null): string => formatValue(n, t.unit, f.locale, t.currency);
  const pace = t.pace === null ? dash(t.paceStatus) : `${dash(t.paceStatus)} (${formatPercent(t.pace, f.locale)})`;
  return {
    key: t.id,
    metric: t.metricLabel,
    section: dash(t.sectionName),
    period: t.periodLabel,
    target: value(t.targetValue),
    actual: value(t.actualValue),
    attainment: formatPercent(t.attainment, f.locale),
    pace,
  };
}

const countRows = (counts: SnapshotCount[], locale: string): CountRow[] =>
  counts.map((c, i) => ({
    key: `${i}-${c.key}`,
    label: c.label,
    count: new Intl.NumberFormat(locale).format(c.count),
  }));

export function packView(s: ReviewSnapshot, f: Formatting): PackView {
  const money = (n: number | null): string => formatValue(n, 'Currency', f.locale, s.currency);
  const count = (n: number): string => new Intl.NumberFormat(f.locale).format(n);
  const h = s.headline;
  const headline = h
    ? [
        { key: 'attainment', label: LABELS.overallAttainment, value: formatPercent(h.overallAttainment, f.locale) },
        { key: 'behind', label: LABELS.targetsBehind, value: count(h.targetsBehind) },
        { key: 'actions', label: LABELS.actionsLogged, value: count(h.actionsLogged) },
        { key: 'won', label: LABELS.wonAmount, value: money(h.wonAmount) },
        { key: 'stale', label: LABELS.staleDeals, value: count(h.staleDeals) },
      ]
    : [];
  const sections = s.sections.map((section) => {
    const rows = section.targets.map((t) => targetRow(t, f));
    return {
      key: section.id,
      name: section.name,
      attainment: formatLabel(LABELS.sectionAttainment, formatPercent(section.attainment, f.locale)),
      rows,
      hasRows: rows.length > 0,
    };
  });
  const wins = s.wins.map((w) => ({
    key: w.id,
    name: w.name,
    account: dash(w.accountName),
    amount: money(w.amount),
    closeDate: formatDate(w.closeDate, f.locale),
  }));
  const staleDeals = s.staleDeals.map((d) => ({
    key: d.id,
    name: d.name,
    account: dash(d.accountName),
    stage: dash(d.stage),
    amount: money(d.amount),
    closeDate: formatDate(d.closeDate, f.locale),
    lastAction: formatDate(d.lastActionDate, f.locale),
  }));
  const comments = s.comments.map((c) => ({
    key: c.id,
    author: dash(c.authorName),
    date: formatDateTime(c.createdDate, f.locale, f.timeZone),
    body: c.body,
    internalOnly: c.internalOnly,
  }));
  const nextQuarter = s.nextQuarterTargets.map((t) => targetRow(t, f));
  return {
    planName: s.plan.name,
    partnerName: dash(s.plan.partnerName),
    periodLabel: s.period.label,
    preparedBy: dash(s.preparedBy ? s.preparedBy.name : null),
    preparedOn: formatDateTime(s.preparedAt, f.locale, f.timeZone),
    headline,
    sections,
    hasSections: sections.length > 0,
    actionsByType: countRows(s.actions.byType, f.locale),
    actionsByPerson: countRows(s.actions.byPerson, f.locale),
    actionsTotal: count(s.actions.total),
    hasActions: s.actions.total > 0,
    wins,
    hasWins: wins.length > 0,
    staleDeals,
    hasStaleDeals: staleDeals.length > 0,
    comments,
    hasComments: comments.length > 0,
    omittedComments: s.omittedComments > 0 ? formatLabel(LABELS.omittedComments, s.omittedComments) : null,
    nextQuarter,
    hasNextQuarter: nextQuarter.length > 0,
  };
}

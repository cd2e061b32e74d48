/**
 * How a comment reads in the thread: its author, its time (relative, with the absolute date-time for its
 * title), and the target it is about (metric and period). Pure functions of the comment, the catalog and
 * the clock, so the thread's wording is tested without the DOM.
 */
import type { Metric, PlanComment } from 'c/planData';
import { formatDateRange, formatDateTime, formatLabel, metricLabel } from 'c/planInsights';
import { LABELS } from './labels';

export interface CommentView {
  id: string;
  body: string;
  author: string;
  /** ISO date-time, for `<time datetime>`. */
  dateTime: string;
  relativeTime: string;
  absoluteTime: string;
  context: string;
  internalOnly: boolean;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
];
const WEEK_SECONDS = 7 * 24 * 60 * 60;

/**
 * "just now", "5 minutes ago", "yesterday", "3 days ago"; the date and time themselves after a week (or when
 * the server's clock is ahead of the browser's).
 */
export function relativeTime(iso: string, now: Date, locale: string, timeZone: string): string {
  const seconds = Math.round((now.getTime() - new Date(iso).getTime()) / 1000);
  if (seconds < 0 || seconds >= WEEK_SECONDS) return formatDateTime(iso, locale, timeZone);
  if (seconds < 60) return LABELS.justNow;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  let unit = UNITS[0];
  for (const candidate of UNITS) if (seconds >= candidate[1]) unit = candidate;
  return format.format(-Math.floor(seconds / unit[1]), unit[0]);
}

/** What a target reads as in a comment: "Joint Calls (Quarter · Apr 1 – Jun 30, 2026)". */
export function targetContext(comment: PlanComment, metrics: Metric[], locale: string): string {
  if (!comment.targetId) return LABELS.aboutPlan;
  const metric = comment.targetMetric ? metricLabel(metrics, comment.targetMetric) : '';
  const hasDates = comment.targetPeriodStart !== null && comment.targetPeriodEnd !== null;
  const dates = hasDates ? formatDateRange(comment.targetPeriodStart, comment.targetPeriodEnd, locale) : '';
  const period = [comment.targetPeriodTypeLabel, dates].filter((part) => part).join(' · ');
  return formatLabel(LABELS.aboutTarget, period ? `${metric} (${period})` : metric);
}

export function commentView(
  comment: PlanComment,
  context: { metrics: Metric[]; now: Date; locale: string; timeZone: string },
): CommentView {
  const created = comment.createdDate ?? '';
  return {
    id: comment.id,
    body: comment.body,
    author: comment.authorName ?? LABELS.unknownAuthor,
    dateTime: created,
    relativeTime: created ? relativeTime(created, context.now, context.locale, context.timeZone) : '',
    absoluteTime: created ? formatDateTime(created, context.locale, context.timeZone) : '',
    context: targetContext(comment, context.metrics, context.locale),
    internalOnly: comment.internalOnly,
  };
}

/**
 * c/targetEdits: the rules of editing target values, shared by the plan editor (which saves) and its
 * target tables (which show each row's state). Pure functions: what a typed value parses to, whether it
 * changes the saved value, what is wrong with it, and which targets have unsaved changes.
 */
import type { PlanTarget, SaveOutcome } from 'c/planData';
import { LABELS } from './labels';

/** Unsaved target values as typed, by target Id. */
export type TargetDrafts = Record<string, string>;

/** What the server said about targets whose save failed, by target Id. */
export type TargetErrors = Record<string, SaveOutcome>;

export function parseValue(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

export function isChanged(draft: string, saved: number | null): boolean {
  return parseValue(draft) !== saved;
}

/** Client-side checks before the server's: a number, not negative. */
export function validateTargetValue(text: string): string | null {
  if (text.trim() === '') return LABELS.targetValueRequired;
  const value = Number(text);
  if (!Number.isFinite(value)) return LABELS.enterNumber;
  if (value < 0) return LABELS.notNegative;
  return null;
}

/** Targets whose typed value differs from the saved one. */
export function dirtyTargets(targets: PlanTarget[], drafts: TargetDrafts): PlanTarget[] {
  return targets.filter((t) => drafts[t.id] !== undefined && isChanged(drafts[t.id], t.targetValue));
}

/** Every message of a failed save, field messages after the others. */
export function outcomeMessages(outcome: SaveOutcome): string[] {
  return [...outcome.messages, ...Object.values(outcome.fieldErrors).flat()];
}

/** Percent points for lightning-progress-bar (0-100). */
export function barValue(percent: number | null): number {
  return percent === null ? 0 : Math.max(0, Math.min(100, percent));
}

import { LightningElement, api } from 'lwc';
import CURRENCY from '@salesforce/i18n/currency';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import type { Metric, PlanTarget } from 'c/planData';
import { formatLabel, todayIn, type FiscalPlan } from 'c/planInsights';
import type { TargetDrafts, TargetErrors } from 'c/targetEdits';
import { LABELS } from './labels';
import { targetGroups, type TargetGroup, type TargetRow, type TargetRowActions } from './targetRows';

export type { TargetRowActions } from './targetRows';

const NO_ACTIONS: TargetRowActions = { edit: false, delete: false, split: false };

/** One line of a group's body: a target's row, or the line that folds and unfolds the closed periods. */
interface GroupItem {
  key: string;
  isToggle: boolean;
  row: TargetRow | null;
  toggleLabel: string;
  expanded: string;
  icon: string;
}

interface GroupView {
  key: string;
  heading: string;
  items: GroupItem[];
}

/**
 * The targets of one plan section as a grid, grouped by period type (Year, Quarter, Month) with the current
 * period first, then the upcoming ones; the closed periods are folded under one line that counts how many
 * were met and missed, and rendered only once unfolded. Each row says which target it is (metric, customer
 * account, accountable AE and partner manager, fiscal period), its target value (an input, or when the plan
 * is locked the value in the metric's unit), baseline (with the revision reason), actual, attainment and
 * pace, in the target's currency (the plan's). The owner keeps the unsaved values (`drafts`) and the errors
 * of the last save; the grid shows each row's state (a value that is not a valid target, a server field error
 * linked to its input, other messages of the row; a closed row with either is never folded away) and fires
 * `draftchange` with `{ targetId, value }` as the user types.
 */
export default class TargetTable extends LightningElement {
  /** The accessible name of the grid (the section's name). */
  @api label = '';
  @api targets: PlanTarget[] = [];
  /** The metric catalog, for labels and units. */
  @api metrics: Metric[] = [];
  @api drafts: TargetDrafts = {};
  @api errors: TargetErrors = {};
  /** Locked targets (the plan's status or the user's access): values read as numbers, not inputs. */
  @api readOnly = false;
  /** A save is under way: the inputs stay, disabled. */
  @api busy = false;
  /** The plan's fiscal year and start, for fiscal period labels ("FY2027 Q1"). */
  @api plan: FiscalPlan | null = null;
  /** Shows a Comments button per target, which fires `opencomments` with `{ targetId, label }`. */
  @api showComments = false;
  /**
   * Edit, Delete and Split (year targets only) buttons per row, as allowed; each fires `targetaction` with
   * `{ targetId, action }` (action `edit`, `delete` or `split`; a year's "Re-split" is `split` too).
   */
  @api rowActions: TargetRowActions | null = null;

  labels = LABELS;
  /** The groups whose closed periods the user unfolded. */
  unfolded: string[] = [];
  private focusAfterRender: string | null = null;

  /** Focuses the input of a target (unfolding its closed periods), or the first input when none is named. */
  @api
  focusTarget(targetId?: string): void {
    const group = targetId ? this.foldedGroupOf(targetId) : null;
    if (group) {
      this.unfolded = [...this.unfolded, group];
      this.focusAfterRender = targetId ?? null;
      return;
    }
    this.focusInput(targetId);
  }

  private focusInput(targetId?: string): void {
    const selector = targetId ? `input[data-id="${targetId}"]` : 'input.target-input';
    const input = this.template?.querySelector<HTMLElement>(selector);
    if (input) input.focus();
  }

  renderedCallback(): void {
    const id = this.focusAfterRender;
    this.focusAfterRender = null;
    if (id) this.focusInput(id);
  }

  get actions(): TargetRowActions {
    return this.rowActions ?? NO_ACTIONS;
  }

  get showActions(): boolean {
    const a = this.actions;
    return a.edit || a.delete || a.split;
  }

  get columnCount(): number {
    return 7 + (this.showComments ? 1 : 0) + (this.showActions ? 1 : 0);
  }

  private get groupList(): TargetGroup[] {
    return targetGroups({
      targets: this.targets,
      metrics: this.metrics,
      plan: this.plan,
      drafts: this.drafts,
      errors: this.errors,
      actions: this.actions,
      locale: LOCALE,
      orgCurrency: CURRENCY,
      today: todayIn(TIME_ZONE),
    });
  }

  private foldedGroupOf(targetId: string): string | null {
    for (const group of this.groupList) {
      if (group.closedRows.some((r) => r.id === targetId) && !this.isUnfolded(group)) return group.key;
    }
    return null;
  }

  private isUnfolded(group: TargetGroup): boolean {
    return this.unfolded.includes(group.key) || group.closedRows.some((r) => r.needsAttention);
  }

  get groups(): GroupView[] {
    return this.groupList.map((group) => {
      const items: GroupItem[] = group.openRows.map((row) => this.rowItem(row));
      if (group.closedRows.length > 0) {
        const unfolded = this.isUnfolded(group);
        items.push({
          key: `${group.key}-closed`,
          isToggle: true,
          row: null,
          toggleLabel: formatLabel(LABELS.closedSummary, group.closedRows.length, group.met, group.missed),
          expanded: String(unfolded),
          icon: unfolded ? 'utility:chevrondown' : 'utility:chevronright',
        });
        // Folded closed periods are not rendered at all: a long plan's past costs nothing until asked for.
        if (unfolded) items.push(...group.closedRows.map((row) => this.rowItem(row)));
      }
      return { key: group.key, heading: group.heading, items };
    });
  }

  private rowItem(row: TargetRow): GroupItem {
    return { key: row.key, isToggle: false, row, toggleLabel: '', expanded: '', icon: '' };
  }

  handleToggleClosed(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.group as string;
    const group = this.groupList.find((g) => g.key === key);
    if (!group) return;
    if (this.isUnfolded(group)) this.unfolded = this.unfolded.filter((k) => k !== key);
    else this.unfolded = [...this.unfolded, key];
  }

  handleRowAction(event: Event): void {
    const button = event.currentTarget as HTMLElement;
    this.dispatchEvent(
      new CustomEvent('targetaction', { detail: { targetId: button.dataset.id, action: button.dataset.action } }),
    );
  }

  handleOpenComments(event: Event): void {
    const button = event.currentTarget as HTMLElement;
    this.dispatchEvent(
      new CustomEvent('opencomments', { detail: { targetId: button.dataset.id, label: button.dataset.context } }),
    );
  }

  handleInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.dispatchEvent(new CustomEvent('draftchange', { detail: { targetId: input.dataset.id, value: input.value } }));
  }
}

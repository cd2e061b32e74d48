import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import type { PicklistOption, PlanHeader, PlanStatus } from 'c/planData';
import {
  canMarkAccepted,
  canRevise,
  canSubmitForReview,
  formatDateTime,
  formatLabel,
  lifecycleSteps,
} from 'c/planInsights';
import { LABELS } from './labels';

/** The lifecycle actions, as named in `focusAction` and by the buttons' `data-id`. */
export type LifecycleAction = 'submit' | 'accept' | 'revise' | 'activate' | 'close';

/**
 * The plan's lifecycle on its record page: the path of statuses (Draft -> Partner Review -> Accepted -> Active
 * -> Closed) with the buttons the status allows beside it, the version and who accepted the plan, and a hint.
 * The record page's highlights panel is the page's one header (name, partner, fiscal year, status, overall
 * attainment), so this is no second header: no heading, no record fields. The owner decides whether each
 * button is enabled (pending edits, access, a cut-off target list, the owner, the period's dates) and what
 * hint explains it; it fires `submitforreview`, `markaccepted`, `revise`, `activate` (Accepted -> Active) or
 * `closeplan` (Active -> Closed) when a button is used.
 */
export default class PlanLifecycleHeader extends LightningElement {
  @api plan: PlanHeader | null = null;
  /** The status picklist values in the user's language. */
  @api statusOptions: PicklistOption[] = [];
  @api submitDisabled = false;
  @api acceptDisabled = false;
  @api reviseDisabled = false;
  @api activateDisabled = false;
  @api closeDisabled = false;
  /** Why the plan cannot change now, if anything stops it. */
  @api hint: string | null = null;

  labels = LABELS;

  /** Focuses a lifecycle button, for example Revise again when the reason dialog closes. */
  @api
  focusAction(action: LifecycleAction): void {
    const button = this.template?.querySelector<HTMLElement>(`[data-id="${action}"]`);
    if (button) button.focus();
  }

  get status(): PlanStatus | null {
    return this.plan ? this.plan.status : null;
  }

  private statusLabel(status: string | null): string {
    if (!status) return '';
    const option = this.statusOptions.find((o) => o.value === status);
    return option ? option.label : status;
  }

  /** The status, for screen readers: the path shows it. */
  get statusAnnouncement(): string {
    return formatLabel(LABELS.currentStatus, this.statusLabel(this.status));
  }

  get versionText(): string {
    return this.plan && this.plan.version !== null ? formatLabel(LABELS.versionValue, this.plan.version) : '—';
  }

  get acceptedText(): string | null {
    const plan = this.plan;
    if (!plan || !plan.acceptedOn) return null;
    const when = formatDateTime(plan.acceptedOn, LOCALE, TIME_ZONE);
    // A partner user's acceptance names their contact (Partner_Acceptance_Stamp): say it was the partner.
    if (plan.acceptedByContactId) {
      return formatLabel(LABELS.acceptedByPartner, plan.acceptedByContactName ?? plan.acceptedByName ?? '—', when);
    }
    return formatLabel(LABELS.acceptedByOn, plan.acceptedByName ?? '—', when);
  }

  get pathSteps(): { value: string; label: string }[] {
    return lifecycleSteps(this.status).map((s) => ({ value: s, label: this.statusLabel(s) }));
  }

  get currentStep(): string {
    return this.status ?? 'Draft';
  }

  get showSubmit(): boolean {
    return canSubmitForReview(this.status);
  }

  get showAccept(): boolean {
    return canMarkAccepted(this.status);
  }

  get showRevise(): boolean {
    return canRevise(this.status);
  }

  get showActivate(): boolean {
    return this.status === 'Accepted';
  }

  get showClose(): boolean {
    return this.status === 'Active';
  }

  handleActivate(): void {
    this.dispatchEvent(new CustomEvent('activate'));
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent('closeplan'));
  }

  handleSubmit(): void {
    this.dispatchEvent(new CustomEvent('submitforreview'));
  }

  handleAccept(): void {
    this.dispatchEvent(new CustomEvent('markaccepted'));
  }

  handleRevise(): void {
    this.dispatchEvent(new CustomEvent('revise'));
  }
}

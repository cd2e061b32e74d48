import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  acceptAsPartner,
  notifyRecordsChanged,
  refreshQuery,
  requestChanges,
  type PlanHeader,
  type SaveOutcome,
} from 'c/planData';
import { formatLabel, todayIn } from 'c/planInsights';
import { LABELS } from './labels';
import PortalState from './portalState';

/** Change_Request_Reason__c is a Long Text Area(4000). */
const CHANGE_REASON_MAX_LENGTH = 4000;

const messagesOf = (outcome: SaveOutcome): string[] => [
  ...outcome.messages,
  ...Object.values(outcome.fieldErrors).flat(),
];

/**
 * The partner's view of their plans, for Experience Cloud (and internal record and app pages): without a
 * recordId the "My Plans" list; with one, the plan as the partner sees it (shared sections, targets with
 * progress and pace in the plan's currency, the comment thread of the plan and of each target) and, while the
 * plan is in Partner Review, the partner's decision: Accept plan or Request changes (with a reason). The
 * server's lifecycle rules decide what is allowed; their messages are shown as they come.
 *
 * The confirmation and the reason are asked inline, not in a modal, and every outcome is shown in the page
 * (a toast repeats it where the platform shows toasts): LWR sites for Experience Cloud support neither modals
 * nor ShowToastEvent.
 */
type TextareaElement = HTMLElement & { setCustomValidity(message: string): void; reportValidity(): boolean };

export default class PartnerPlanPortal extends PortalState {
  busy = false;
  /** The decision being confirmed inline: accepting, or requesting changes (with the reason typed so far). */
  decision: 'accept' | 'changes' | null = null;
  changeReason = '';
  /** The last decision's outcome, announced in the live region. */
  outcomeMessage = '';
  /** What stopped the last decision (Salesforce's messages), shown as an alert. */
  outcomeErrors: string[] = [];
  private focusAfterRender: string | null = null;

  renderedCallback(): void {
    const selector = this.focusAfterRender;
    this.focusAfterRender = null;
    if (selector) this.template?.querySelector<HTMLElement>(selector)?.focus();
  }

  get hasOutcomeErrors(): boolean {
    return this.outcomeErrors.length > 0;
  }

  /** Decisions wait for the user record (a partner's acceptance names their contact) and for every target. */
  get decisionDisabled(): boolean {
    return this.busy || this.user.kind !== 'ready' || this.isTruncated;
  }

  handleToggleComments(event: Event): void {
    const targetId = (event.currentTarget as HTMLElement).dataset.targetId;
    if (!targetId) return;
    const open = new Set(this.openComments);
    if (open.has(targetId)) open.delete(targetId);
    else open.add(targetId);
    this.openComments = open;
  }

  get confirmingAccept(): boolean {
    return this.decision === 'accept';
  }

  get requestingChanges(): boolean {
    return this.decision === 'changes';
  }

  get acceptConfirmText(): string {
    return formatLabel(LABELS.acceptConfirm, this.targetList.length);
  }

  get changeReasonMaxLength(): number {
    return CHANGE_REASON_MAX_LENGTH;
  }

  /** Accept plan: asks to confirm, in place. */
  handleAccept(): void {
    this.decision = 'accept';
    this.focusAfterRender = '[data-id="confirm-accept"]';
  }

  /** Request changes: asks for the reason, in place. */
  handleRequestChanges(): void {
    this.decision = 'changes';
    this.changeReason = '';
    this.focusAfterRender = '[data-id="change-reason"]';
  }

  handleCancelDecision(): void {
    const opener = this.decision === 'accept' ? 'accept' : 'request-changes';
    this.decision = null;
    this.focusAfterRender = `[data-id="${opener}"]`;
  }

  handleChangeReason(event: CustomEvent<{ value: string }>): void {
    this.changeReason = event.detail.value ?? '';
    this.showReasonError('');
  }

  private showReasonError(message: string): void {
    const textarea = this.template?.querySelector<TextareaElement>('[data-id="change-reason"]');
    if (!textarea) return;
    textarea.setCustomValidity(message);
    textarea.reportValidity();
  }

  async handleConfirmAccept(): Promise<void> {
    const plan = this.planValue;
    if (!plan || this.user.kind !== 'ready') return;
    const user = this.user.value;
    this.startDecision();
    try {
      const now = new Date();
      const result = await acceptAsPartner(plan, this.targetList, user, now);
      this.decision = null;
      const failedBaselines = result.baselines.filter((o) => !o.ok);
      if (failedBaselines.length > 0) {
        this.failDecision(LABELS.acceptFailed, [
          formatLabel(LABELS.baselinesFailed, failedBaselines.length),
          ...failedBaselines.flatMap(messagesOf),
        ]);
        return;
      }
      if (result.plan && !result.plan.ok) {
        this.failDecision(LABELS.acceptFailed, messagesOf(result.plan));
        return;
      }
      const version = (plan.version ?? 0) + 1;
      this.patchPlan({
        status: 'Accepted',
        version,
        acceptedById: user.id,
        acceptedByName: user.name,
        acceptedByContactId: user.contactId,
        acceptedOn: now.toISOString(),
      });
      const message = formatLabel(LABELS.accepted, version);
      this.succeed(LABELS.acceptedTitle, message);
      await this.reloadPlan();
    } finally {
      this.busy = false;
    }
  }

  async handleSendRequest(): Promise<void> {
    const plan = this.planValue;
    if (!plan || this.user.kind !== 'ready') return;
    const user = this.user.value;
    const reason = this.changeReason.trim();
    if (!reason) {
      this.showReasonError(LABELS.reasonRequired);
      return;
    }
    this.startDecision();
    try {
      const now = new Date();
      const result = await requestChanges(plan, reason, user.id, now, todayIn(TIME_ZONE));
      if (!result.plan.ok) {
        // The form stays open with the reason, to try again.
        this.failDecision(LABELS.requestFailed, messagesOf(result.plan));
        return;
      }
      this.decision = null;
      this.patchPlan({
        status: 'In Revision',
        changeRequestReason: reason,
        changesRequestedOn: now.toISOString(),
        changesRequestedById: user.id,
        changesRequestedByName: user.name,
      });
      if (result.task && !result.task.ok) {
        // The status change stands: say so, and that the owner was not told.
        const message = formatLabel(LABELS.taskFailed, messagesOf(result.task).join(' '));
        this.outcomeMessage = message;
        this.outcomeErrors = [message];
        this.toast(LABELS.requestChanges, message, 'warning');
        this.focusAfterRender = '[data-id="outcome-errors"]';
      } else {
        this.succeed(LABELS.requestSentTitle, LABELS.changesRequested);
      }
      await this.reloadPlan();
    } finally {
      this.busy = false;
    }
  }

  private startDecision(): void {
    this.busy = true;
    this.outcomeMessage = '';
    this.outcomeErrors = [];
  }

  private succeed(title: string, message: string): void {
    this.outcomeMessage = message;
    this.toast(title, message, 'success');
    // The decision buttons are gone: focus the outcome, so keyboard and screen reader users land on it.
    this.focusAfterRender = '[data-id="outcome"]';
  }

  private failDecision(title: string, messages: string[]): void {
    this.outcomeErrors = messages;
    this.toast(title, messages.join(' '), 'error');
    this.focusAfterRender = '[data-id="outcome-errors"]';
  }

  /** Shows the saved change at once; the reload that follows brings the server's view (names, computed fields). */
  private patchPlan(patch: Partial<PlanHeader>): void {
    if (this.plan.kind === 'ready') this.plan = { ...this.plan, value: { ...this.plan.value, ...patch } };
  }

  /** The plan changed on the server: reload the record (LDS) and the targets (their baselines). */
  private async reloadPlan(): Promise<void> {
    await Promise.all([notifyRecordsChanged([this.recordId]), refreshQuery(this.targetsResult)]);
  }

  private toast(title: string, message: string, variant: 'success' | 'error' | 'warning'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

import { LightningElement, api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { graphql } from 'lightning/graphql';
import USER_ID from '@salesforce/user/Id';
import LOCALE from '@salesforce/i18n/locale';
import {
  COACHING_NOTES_QUERY,
  logAprAction,
  notifyRecordsChanged,
  readActions,
  refreshQuery,
  type ActorRole,
  type AprAction,
  type GraphQLResult,
  type Loadable,
  type Metric,
} from 'c/planData';
import { COACHING_SESSION, formatDate, formatLabel, periodContains, resolveTarget, type Pair } from 'c/planInsights';
import { LABELS } from './labels';

/**
 * A pair's coaching notes: the latest five coaching sessions logged with the pair's partners, and a form
 * that logs a new one (a Coaching Session APR action by the user, toward the pair's coaching target when
 * the plan has one).
 */
export default class CoachingNotes extends LightningElement {
  @api pair: Pair | null = null;
  /** The plan of the record page, if the view is on one. */
  @api planId: string | null = null;
  @api metrics: Metric[] = [];
  @api today = '';

  labels = LABELS;
  notes: Loadable<AprAction[]> = { kind: 'loading' };
  notesResult: GraphQLResult | undefined;
  noteText = '';
  noteNextStep = '';
  noteMessages: string[] = [];
  savingNote = false;

  @wire(graphql, { query: '$notesQuery', variables: '$notesVariables' })
  wiredNotes(result: GraphQLResult): void {
    this.notesResult = result;
    this.notes = readActions(result);
  }

  get notesQuery(): typeof COACHING_NOTES_QUERY | undefined {
    return this.pair ? COACHING_NOTES_QUERY : undefined;
  }

  get notesVariables(): { partnerIds: string[] } | undefined {
    return this.pair ? { partnerIds: [...this.pair.partnerIds] } : undefined;
  }

  get notesLoading(): boolean {
    return this.notes.kind === 'loading';
  }

  get notesError(): boolean {
    return this.notes.kind === 'error';
  }

  get noteItems(): { id: string; heading: string; notes: string | null; nextStep: string | null }[] {
    if (this.notes.kind !== 'ready') return [];
    return this.notes.value.slice(0, 5).map((n) => ({
      id: n.id,
      heading: [formatDate(n.actionDate, LOCALE), n.actorName].filter((part) => part).join(' · '),
      notes: n.notes,
      nextStep: n.nextStep ? formatLabel(LABELS.nextStepValue, n.nextStep) : null,
    }));
  }

  get hasNotes(): boolean {
    return this.noteItems.length > 0;
  }

  get noNotes(): boolean {
    return this.notes.kind === 'ready' && this.notes.value.length === 0;
  }

  get hasNoteMessages(): boolean {
    return this.noteMessages.length > 0;
  }

  handleNoteChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.name;
    if (field === 'noteText') this.noteText = event.detail.value ?? '';
    else this.noteNextStep = event.detail.value ?? '';
    this.noteMessages = [];
  }

  /** The plan a note belongs to: the page's plan, else the pair's plan whose targets cover today. */
  private notePlanId(pair: Pair): string | null {
    if (this.planId) return this.planId;
    const current = pair.targets.find((t) => periodContains(t.periodStart, t.periodEnd, this.today));
    return (current ?? pair.targets[0] ?? { planId: null }).planId;
  }

  async handleAddNote(): Promise<void> {
    const pair = this.pair;
    if (!pair) return;
    const notes = this.noteText.trim();
    if (!notes) {
      this.noteMessages = [LABELS.noteRequired];
      return;
    }
    const planId = this.notePlanId(pair);
    const planTarget = pair.targets.find((t) => t.planId === planId);
    const target = resolveTarget({
      targets: [...pair.targets],
      metrics: [...this.metrics],
      planId,
      actionType: COACHING_SESSION,
      date: this.today,
      actorId: USER_ID,
    });
    let role: ActorRole | null = null;
    if (USER_ID === pair.aeId) role = 'AE';
    else if (USER_ID === pair.partnerManagerId) role = 'Partner Manager';
    this.savingNote = true;
    try {
      const outcome = await logAprAction({
        actionType: COACHING_SESSION,
        actionDate: this.today,
        actorId: USER_ID,
        actorRole: role,
        quantity: 1,
        opportunityId: null,
        partnerAccountId: planTarget ? planTarget.partnerAccountId : (pair.partnerIds[0] ?? null),
        planId,
        targetId: target ? target.id : null,
        outcome: null,
        nextStep: this.noteNextStep.trim() || null,
        notes,
      });
      if (!outcome.ok) {
        this.noteMessages = [...outcome.messages, ...Object.values(outcome.fieldErrors).flat()];
        return;
      }
      this.noteText = '';
      this.noteNextStep = '';
      this.dispatchEvent(
        new ShowToastEvent({ title: LABELS.noteAddedTitle, message: LABELS.noteAdded, variant: 'success' }),
      );
      await Promise.all([refreshQuery(this.notesResult), notifyRecordsChanged([target ? target.id : null])]);
    } finally {
      this.savingNote = false;
    }
  }
}

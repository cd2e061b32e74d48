import { LightningElement, api } from 'lwc';
import { statusTone } from 'c/metricSemantics';
import AHEAD from '@salesforce/label/c.Pace_Ahead';
import BEHIND from '@salesforce/label/c.Pace_Behind';
import MET from '@salesforce/label/c.Pace_Met';
import MISSED from '@salesforce/label/c.Pace_Missed';
import NO_DATA from '@salesforce/label/c.Pace_No_Data';
import NOT_STARTED from '@salesforce/label/c.Pace_Not_Started';
import ON_TRACK from '@salesforce/label/c.Pace_On_Track';
import OVER_BUDGET from '@salesforce/label/c.Pace_Over_Budget';
import PACE from '@salesforce/label/c.Pace_Status_Assistive';

/** The values of Plan_Target__c.Pace_Status__c, as written by the rollup. */
export type PaceStatus = 'Ahead' | 'On Track' | 'Behind' | 'Over Budget' | 'Met' | 'Missed';

interface PaceStyle {
  label: string;
  icon: string;
}

const STYLES: Record<PaceStatus, PaceStyle> = {
  Ahead: { label: AHEAD, icon: 'utility:arrowup' },
  'On Track': { label: ON_TRACK, icon: 'utility:check' },
  Behind: { label: BEHIND, icon: 'utility:arrowdown' },
  'Over Budget': { label: OVER_BUDGET, icon: 'utility:warning' },
  Met: { label: MET, icon: 'utility:success' },
  Missed: { label: MISSED, icon: 'utility:close' },
};

/** Tones (c/metricSemantics statusTone) as badge classes; info is blue (paceBadge.css), never a disabled-looking grey. */
const TONE_CLASS: Record<string, string> = {
  success: 'slds-theme_success pace-on-color',
  info: 'pace-info',
  error: 'slds-theme_error pace-on-color',
  neutral: '',
};

const NOT_STARTED_STYLE: PaceStyle = { label: NOT_STARTED, icon: 'utility:clock' };
const NO_DATA_STYLE: PaceStyle = { label: NO_DATA, icon: 'utility:dash' };

/**
 * A target's pace status as a badge. Colour is never the only signal: the badge carries the status text
 * and an icon, and screen readers hear "Pace: Behind". Without a status it says why: "Not started" before
 * the target's period begins, "No data yet" once it has begun and the rollup has not computed it.
 */
export default class PaceBadge extends LightningElement {
  /** Plan_Target__c.Pace_Status__c; blank before the first rollup or before the period starts. */
  @api status: string | null | undefined;
  /** Whether the target's period has begun (decides what a blank status reads as). */
  @api started = false;

  get known(): boolean {
    return Boolean(this.status && this.status in STYLES);
  }

  get paceStyle(): PaceStyle {
    if (this.known) return STYLES[this.status as PaceStatus];
    return this.started ? NO_DATA_STYLE : NOT_STARTED_STYLE;
  }

  get label(): string {
    return this.paceStyle.label;
  }

  get iconName(): string {
    return this.paceStyle.icon;
  }

  get badgeClass(): string {
    return this.known ? TONE_CLASS[statusTone(this.status)] : '';
  }

  get assistiveText(): string {
    return `${PACE}: ${this.paceStyle.label}`;
  }
}

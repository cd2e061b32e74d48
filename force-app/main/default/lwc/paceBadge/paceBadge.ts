import { LightningElement, api } from 'lwc';
import AHEAD from '@salesforce/label/c.Pace_Ahead';
import BEHIND from '@salesforce/label/c.Pace_Behind';
import NOT_STARTED from '@salesforce/label/c.Pace_Not_Started';
import ON_TRACK from '@salesforce/label/c.Pace_On_Track';
import PACE from '@salesforce/label/c.Pace_Status_Assistive';

/** The values of Plan_Target__c.Pace_Status__c, as written by the rollup. */
export type PaceStatus = 'Ahead' | 'On Track' | 'Behind';

interface PaceStyle {
  label: string;
  icon: string;
  theme: string;
}

const STYLES: Record<PaceStatus, PaceStyle> = {
  Ahead: { label: AHEAD, icon: 'utility:arrowup', theme: 'slds-theme_success' },
  'On Track': { label: ON_TRACK, icon: 'utility:check', theme: 'slds-theme_info' },
  Behind: { label: BEHIND, icon: 'utility:arrowdown', theme: 'slds-theme_error' },
};

const UNKNOWN: PaceStyle = { label: NOT_STARTED, icon: 'utility:dash', theme: '' };

/**
 * A target's pace status as a badge. Colour is never the only signal: the badge carries the status text
 * and an icon, and screen readers hear "Pace: Behind".
 */
export default class PaceBadge extends LightningElement {
  /** Plan_Target__c.Pace_Status__c; blank before the first rollup or before the period starts. */
  @api status: string | null | undefined;

  get paceStyle(): PaceStyle {
    return this.status && this.status in STYLES ? STYLES[this.status as PaceStatus] : UNKNOWN;
  }

  get label(): string {
    return this.paceStyle.label;
  }

  get iconName(): string {
    return this.paceStyle.icon;
  }

  get badgeClass(): string {
    return this.paceStyle.theme;
  }

  get assistiveText(): string {
    return `${PACE}: ${this.paceStyle.label}`;
  }
}

import { LightningElement, api } from 'lwc';
import NOT_STARTED from '@salesforce/label/c.Pace_Not_Started';

/**
 * A target's figure (its actual) as the target tables show it. A withheld value (a target whose period has
 * not begun shows a placeholder, "—") is hidden from screen readers, which hear "Not started" instead.
 */
export default class TargetValue extends LightningElement {
  /** The value as people read it ("$100,000", or "—"). */
  @api text = '';
  /** Whether the value is withheld because the target's period has not begun. */
  @api withheld = false;

  readonly labels = { notStarted: NOT_STARTED };
}

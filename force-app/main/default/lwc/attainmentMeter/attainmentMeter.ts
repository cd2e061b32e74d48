import { LightningElement, api } from 'lwc';

/**
 * A target's attainment as a small progress bar and its text, as the target tables show it. Before the
 * target's period starts the text is a placeholder ("—") that c-target-value reads out as "Not started".
 */
export default class AttainmentMeter extends LightningElement {
  /** The bar's fill, 0-100 (the caller caps it; attainment itself may pass 100 %). */
  @api value = 0;
  /** The attainment as people read it ("40%", or "—" when there is none). */
  @api text = '';
  /** Whether the target's period has not begun: the text is then hidden from screen readers, which hear why. */
  @api notStarted = false;
}

import { LightningElement, api } from 'lwc';

/**
 * Messages that stopped a save or an action (validation and server errors), as one SLDS error notification
 * that screen readers announce. The owner decides when to show it and where (margins on the element).
 */
export default class ErrorList extends LightningElement {
  @api messages: string[] = [];
}

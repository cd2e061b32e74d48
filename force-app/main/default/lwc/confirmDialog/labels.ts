/** The Custom Labels this component shows (category Partner Planning). */
import CANCEL from '@salesforce/label/c.Partner_Planning_Cancel';

export const LABELS = {
  cancel: CANCEL,
};

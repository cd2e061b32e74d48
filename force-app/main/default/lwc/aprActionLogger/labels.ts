/** The Custom Labels the Log APR Action quick action shows (category Partner Planning). */
import LOGGED from '@salesforce/label/c.APR_Logger_Logged';
import LOGGED_TITLE from '@salesforce/label/c.APR_Logger_Logged_Title';
import TITLE from '@salesforce/label/c.APR_Logger_Title';

export const LABELS = {
  logged: LOGGED,
  loggedTitle: LOGGED_TITLE,
  title: TITLE,
};

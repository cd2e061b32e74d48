/** `@salesforce/i18n/currency`: the signed-in user's setting (the org's for currency). */
import { session } from '../session';

export default session.currency;

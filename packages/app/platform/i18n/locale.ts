/** `@salesforce/i18n/locale`: the signed-in user's setting (the org's for currency). */
import { session } from '../session';

export default session.locale;

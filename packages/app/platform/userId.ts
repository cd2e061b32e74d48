/** `@salesforce/user/Id`: the signed-in user's Id. */
import { session } from './session';

export default session.userId;

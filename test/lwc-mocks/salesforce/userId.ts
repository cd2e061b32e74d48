/** Jest value of `@salesforce/user/Id`: the running user of every component test. */
const CURRENT_USER_ID = '005000000000001AAA';
export default CURRENT_USER_ID;

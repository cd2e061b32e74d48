/**
 * Types for the Lightning platform modules our components import. The platform provides these modules
 * at run time (and the local app provides local versions); `@salesforce/schema/*` and `@salesforce/label/*`
 * modules are generated per field and per label from force-app by `npm run build` (generated/types/).
 */

/** What an `@salesforce/schema/Object.Field` import is. */
interface FieldId {
  fieldApiName: string;
  objectApiName: string;
}

/** What an `@salesforce/schema/Object` import is. */
interface ObjectId {
  objectApiName: string;
}

declare module '@salesforce/user/Id' {
  const userId: string;
  export default userId;
}

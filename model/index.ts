export * from './types';
export { loadForceApp, findObject, findField, readMetadataXml, MetadataError, REPO_ROOT } from './load';
export { OPPORTUNITY_STAGES } from './standard-objects';

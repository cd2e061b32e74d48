/**
 * The platform modules' one surface is their declaration (types/lwc-platform.d.ts, types/lightning-modal.d.ts):
 * `npm run typecheck` compiles this file, so the local app's implementation (packages/app/platform) and the
 * jest mock (test/lwc-mocks) of each module fail to compile when they lack a declared export or give it an
 * incompatible type (contract.ts says what compatible means). test/platform-surface/surface.test.ts compares
 * the three's export names. The local app takes lightning/modal from lightning-base-components, and jest the
 * @salesforce/i18n values from sfdx-lwc-jest, so those have no file of ours to check.
 */
import type { Satisfies } from './contract';

export type AppChecks = [
  Satisfies<typeof import('../../../packages/app/platform/uiRecordApi'), typeof import('lightning/uiRecordApi')>,
  Satisfies<
    typeof import('../../../packages/app/platform/uiObjectInfoApi'),
    typeof import('lightning/uiObjectInfoApi')
  >,
  Satisfies<typeof import('../../../packages/app/platform/graphql'), typeof import('lightning/graphql')>,
  Satisfies<typeof import('../../../packages/app/platform/navigation'), typeof import('lightning/navigation')>,
  Satisfies<
    typeof import('../../../packages/app/platform/platformShowToastEvent'),
    typeof import('lightning/platformShowToastEvent')
  >,
  Satisfies<typeof import('../../../packages/app/platform/actions'), typeof import('lightning/actions')>,
  Satisfies<typeof import('../../../packages/app/platform/confirm/confirm'), typeof import('lightning/confirm')>,
  Satisfies<typeof import('../../../packages/app/platform/refresh'), typeof import('lightning/refresh')>,
  Satisfies<typeof import('../../../packages/app/platform/userId'), typeof import('@salesforce/user/Id')>,
  Satisfies<typeof import('../../../packages/app/platform/i18n/locale'), typeof import('@salesforce/i18n/locale')>,
  Satisfies<typeof import('../../../packages/app/platform/i18n/currency'), typeof import('@salesforce/i18n/currency')>,
  Satisfies<typeof import('../../../packages/app/platform/i18n/timeZone'), typeof import('@salesforce/i18n/timeZone')>,
];

export type MockChecks = [
  Satisfies<typeof import('../../lwc-mocks/lightning/uiRecordApi'), typeof import('lightning/uiRecordApi')>,
  Satisfies<typeof import('../../lwc-mocks/lightning/uiObjectInfoApi'), typeof import('lightning/uiObjectInfoApi')>,
  Satisfies<typeof import('../../lwc-mocks/lightning/graphql'), typeof import('lightning/graphql')>,
  Satisfies<typeof import('../../lwc-mocks/lightning/navigation'), typeof import('lightning/navigation')>,
  Satisfies<
    typeof import('../../lwc-mocks/lightning/platformShowToastEvent'),
    typeof import('lightning/platformShowToastEvent')
  >,
  Satisfies<typeof import('../../lwc-mocks/lightning/actions'), typeof import('lightning/actions')>,
  Satisfies<typeof import('../../lwc-mocks/lightning/confirm'), typeof import('lightning/confirm')>,
  Satisfies<typeof import('../../lwc-mocks/salesforce/userId'), typeof import('@salesforce/user/Id')>,
  Satisfies<typeof import('../../lwc-mocks/lightning/modal'), typeof import('lightning/modal')>,
];

/** The check can fail: a drifted type, a missing export and a narrowed adapter config are compile errors. */
export type BrokenChecks = [
  // @ts-expect-error -- the toast's message is a number, not a string
  Satisfies<typeof import('./fixtures/broken-toast'), typeof import('lightning/platformShowToastEvent')>,
  // @ts-expect-error -- CloseActionScreenEvent is missing
  Satisfies<typeof import('./fixtures/missing-export'), typeof import('lightning/actions')>,
  // @ts-expect-error -- getObjectInfo's update() refuses the declared config
  Satisfies<typeof import('./fixtures/narrow-adapter'), typeof import('lightning/uiObjectInfoApi')>,
];

/**
 * Jest mock of `lightning/navigation`: the mixin records navigations in `navigate` and builds URLs with
 * `generateUrl`, both jest.fn()s tests can inspect; `CurrentPageReference` is a test wire adapter tests
 * emit page references on.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}

export const navigate = jest.fn((_pageReference: PageReference, _replace?: boolean): void => undefined);

export const generateUrl = jest.fn(async (pageReference: PageReference): Promise<string> => {
  const attributes = pageReference.attributes ?? {};
  return `/lightning/r/${String(attributes.objectApiName ?? 'record')}/${String(attributes.recordId ?? '')}/view`;
});

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

// A mixin's base constructor type has to accept any arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

function mixin<Base extends Constructor>(base: Base) {
  return class extends base {
    [Navigate](pageReference: PageReference, replace?: boolean): void {
      navigate(pageReference, replace);
    }

    [GenerateUrl](pageReference: PageReference): Promise<string> {
      return generateUrl(pageReference);
    }
  };
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

export const CurrentPageReference = createTestWireAdapter(jest.fn());

export function resetNavigationMocks(): void {
  navigate.mockClear();
  generateUrl.mockClear();
}

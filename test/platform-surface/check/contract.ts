/**
 * What "an implementation satisfies a platform module's declaration" means at compile time (surface.ts uses
 * it): every declared export is present with a type the declared one accepts, with two documented allowances.
 * - A wire adapter is held to what a component relies on: a constructor taking the data callback whose
 *   update() accepts the declared config. The jest mocks' adapters (sfdx-lwc-jest's test adapters, typed
 *   without a construct signature) count by presence: tests emit their values through typed helpers.
 * - Unique symbols are nominal, so an implementation's own symbol can never be the declaration's: an export
 *   with symbol properties (NavigationMixin) is checked for callability and those properties being symbols.
 */
import type { WireAdapterConstructor } from 'lwc';

type AdapterContract<Config> = new (callback: never) => {
  update: (config: Config) => void;
  connect: () => void;
  disconnect: () => void;
};

interface TestAdapter {
  emit: unknown;
  getLastConfig: unknown;
}

type SymbolKeys<T> = { [P in keyof T]: T[P] extends symbol ? P : never }[keyof T];

type SymbolCarrier<T> = ((...args: never[]) => unknown) & { [P in SymbolKeys<T>]: symbol };

type ExportContract<Declared, Implemented> =
  Declared extends WireAdapterConstructor<infer Config, unknown>
    ? Implemented extends TestAdapter
      ? Implemented
      : AdapterContract<Config>
    : Declared extends (...args: never[]) => unknown
      ? [SymbolKeys<Declared>] extends [never]
        ? Declared
        : SymbolCarrier<Declared>
      : Declared;

/** The declared module as an implementation must satisfy it. */
export type Contract<Declared, Implemented> = {
  [K in keyof Declared]: ExportContract<Declared[K], K extends keyof Implemented ? Implemented[K] : never>;
};

/** Compiles only when the implementation satisfies the declared module's contract. */
export type Satisfies<Implemented extends Contract<Declared, Implemented>, Declared> = [Implemented, Declared];

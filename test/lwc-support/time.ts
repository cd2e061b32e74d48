/**
 * Freezes `Date` (only) at an instant, so "today" is stable while promises and timers still run.
 * Components compute today in the user's time zone; jest gives @salesforce/i18n/timeZone the value
 * America/Los_Angeles, so pick instants whose Los Angeles date is the one the test means.
 */
export function freezeTime(isoInstant: string): void {
  jest.useFakeTimers({
    now: new Date(isoInstant),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

export function restoreTime(): void {
  jest.useRealTimers();
}

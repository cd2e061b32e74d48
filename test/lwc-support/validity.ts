/**
 * Observes what a component sets on a base input's validity (setCustomValidity / reportValidity): the stubs'
 * methods are read-only on their prototypes, so the test gives the element its own recording methods.
 */
export interface ValidityTrack {
  /** The last custom validity message set ('' when cleared); null when never set. */
  message(): string | null;
  /** Whether reportValidity was called since the last message. */
  reported(): boolean;
}

export function trackValidity(element: HTMLElement): ValidityTrack {
  let message: string | null = null;
  let reported = false;
  Object.defineProperty(element, 'setCustomValidity', {
    configurable: true,
    value: (text: string) => {
      message = text;
      reported = false;
    },
  });
  Object.defineProperty(element, 'reportValidity', {
    configurable: true,
    value: () => {
      reported = true;
      return message === '';
    },
  });
  return { message: () => message, reported: () => reported };
}

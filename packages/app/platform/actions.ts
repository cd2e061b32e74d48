/** `lightning/actions`: the event that closes a quick action's panel (the shell listens for it). */
export const CLOSE_ACTION_SCREEN_EVENT = 'lightning__closeactionscreen';

export class CloseActionScreenEvent extends CustomEvent<null> {
  constructor() {
    super(CLOSE_ACTION_SCREEN_EVENT, { bubbles: true, composed: true, detail: null });
  }
}

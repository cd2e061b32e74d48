/**
 * The signed-in user, as the app server wrote it into /app/session.js before the bundle loaded. A user
 * switch reloads the page, so these values never change while the app runs (as on the platform).
 */
export interface AppSession {
  userId: string;
  username: string;
  name: string;
  locale: string;
  timeZone: string;
  currency: string;
  /** A partner (external) user, as the org says (UserType, ContactId): the app shows the portal only. */
  portal: boolean;
  /** A partner user's partner account; null for internal users. */
  accountName: string | null;
}

const fallback: AppSession = {
  userId: '',
  username: '',
  name: '',
  locale: 'en-US',
  timeZone: 'UTC',
  currency: 'USD',
  portal: false,
  accountName: null,
};

export const session: AppSession = (window as unknown as { __papSession?: AppSession }).__papSession ?? fallback;

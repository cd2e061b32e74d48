/**
 * Which list view an object's list page opens on. As Lightning's object home does, the list view a user last
 * chose for an object is shown again when they come back (per user and object, kept in the browser so a reload
 * keeps it); a first visit opens the tab's default for who the user is (User.Partner_Planning_Role__c), else
 * the tab's own default, else the org's first list. A remembered list the user can no longer see is forgotten.
 */

export interface ListChoiceRules {
  /** The tab's default list (developer name). */
  defaultList: string;
  /** A default by the user's planning role (`Account Executive`), ahead of `defaultList`. */
  defaultByRole?: Record<string, string>;
}

/** The role field the app reads to choose a first visit's list. */
export const ROLE_FIELD = 'Partner_Planning_Role__c';

/** The storage key of a user's last chosen list view of an object. */
export const rememberedKey = (userId: string, objectApiName: string): string =>
  `pap.listView.${userId}.${objectApiName}`;

/** What a browser's Storage offers here (window.localStorage, or a stand-in in tests). */
export interface ChoiceStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The list view the user last chose for the object, or null (none, or storage refused: private browsing). */
export function rememberedList(store: ChoiceStore | null, userId: string, objectApiName: string): string | null {
  if (!store || !userId) return null;
  try {
    return store.getItem(rememberedKey(userId, objectApiName));
  } catch {
    return null;
  }
}

/** Remembers the user's choice; storage that refuses (quota, private browsing) only loses the memory. */
export function rememberList(store: ChoiceStore | null, userId: string, objectApiName: string, apiName: string): void {
  if (!store || !userId) return;
  try {
    store.setItem(rememberedKey(userId, objectApiName), apiName);
  } catch {
    // Nothing to do: the next visit opens the default list.
  }
}

/** Forgets a remembered list the org no longer offers the user. */
export function forgetList(store: ChoiceStore | null, userId: string, objectApiName: string): void {
  if (!store || !userId) return;
  try {
    store.removeItem(rememberedKey(userId, objectApiName));
  } catch {
    // As above.
  }
}

/** The default list for a user of this role: the role's, else the tab's. */
export const defaultListFor = (rules: ListChoiceRules, role: string | null): string =>
  (role ? rules.defaultByRole?.[role] : undefined) ?? rules.defaultList;

/**
 * The list to open among the ones the user may see (developer names): the remembered one, else the default
 * for their role, else the tab's default, else the first; null when the user sees no list.
 */
export function initialList(
  lists: { apiName: string }[],
  remembered: string | null,
  rules: ListChoiceRules,
  role: string | null,
): string | null {
  const named = (name: string | null): { apiName: string } | undefined =>
    name ? lists.find((l) => l.apiName.toLowerCase() === name.toLowerCase()) : undefined;
  for (const name of [remembered, defaultListFor(rules, role), rules.defaultList]) {
    const found = named(name);
    if (found) return found.apiName;
  }
  return lists[0]?.apiName ?? null;
}

/** The planning role in a UI API record of the user (`fields.Partner_Planning_Role__c.value`), or null. */
export function roleOf(user: { fields?: Record<string, { value?: unknown } | undefined> } | null): string | null {
  const value = user?.fields?.[ROLE_FIELD]?.value;
  return typeof value === 'string' && value !== '' ? value : null;
}

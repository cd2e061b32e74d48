/**
 * Which list an object's list page opens on (packages/app/shell/modules/shell/listPage/listChoice.ts): the list the
 * user last chose for the object, per user and object; else the tab's default for their planning role, else the
 * tab's default, else the first list; a remembered list the user no longer sees is passed over. Storage that
 * refuses to be read or written loses the memory, never the page.
 */
import {
  defaultListFor,
  forgetList,
  initialList,
  rememberList,
  rememberedKey,
  rememberedList,
  roleOf,
  type ChoiceStore,
  type ListChoiceRules,
} from '../../packages/app/shell/modules/shell/listPage/listChoice';

const RULES: ListChoiceRules = {
  defaultList: 'All_Open_Partner_Deals',
  defaultByRole: { 'Account Executive': 'My_Open_Partner_Deals' },
};
const LISTS = ['All_Open_Partner_Deals', 'My_Open_Partner_Deals', 'My_Stale_Partner_Deals', 'AllOpportunities'].map(
  (apiName) => ({ apiName }),
);

/** An in-memory Storage. */
function memoryStore(): ChoiceStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const refusing: ChoiceStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('the first list of a visit', () => {
  it('is the default for the role: an AE their own deals, anyone else every open partner deal', () => {
    expect(initialList(LISTS, null, RULES, 'Account Executive')).toBe('My_Open_Partner_Deals');
    expect(initialList(LISTS, null, RULES, 'Partner Manager')).toBe('All_Open_Partner_Deals');
    expect(initialList(LISTS, null, RULES, null)).toBe('All_Open_Partner_Deals');
    expect(defaultListFor(RULES, 'Account Executive')).toBe('My_Open_Partner_Deals');
    expect(defaultListFor(RULES, null)).toBe('All_Open_Partner_Deals');
  });

  it('is the list the user last chose, whatever their role', () => {
    expect(initialList(LISTS, 'My_Stale_Partner_Deals', RULES, 'Account Executive')).toBe('My_Stale_Partner_Deals');
    expect(initialList(LISTS, 'AllOpportunities', RULES, null)).toBe('AllOpportunities');
    // Developer names are case-insensitive; the org's spelling is kept.
    expect(initialList(LISTS, 'my_stale_partner_deals', RULES, null)).toBe('My_Stale_Partner_Deals');
  });

  it('passes over a remembered or default list the user does not see, down to the first list', () => {
    expect(initialList(LISTS, 'Gone_Away', RULES, 'Account Executive')).toBe('My_Open_Partner_Deals');
    const noMine = LISTS.filter((l) => l.apiName !== 'My_Open_Partner_Deals');
    expect(initialList(noMine, null, RULES, 'Account Executive')).toBe('All_Open_Partner_Deals');
    expect(initialList([{ apiName: 'AllOpportunities' }], null, RULES, 'Account Executive')).toBe('AllOpportunities');
    expect(initialList([], 'AllOpportunities', RULES, null)).toBeNull();
  });
});

describe('the remembered list', () => {
  it('is kept per user and per object', () => {
    const store = memoryStore();
    rememberList(store, '005A', 'Opportunity', 'My_Stale_Partner_Deals');
    rememberList(store, '005A', 'Account', 'Partner_Accounts');
    expect(rememberedList(store, '005A', 'Opportunity')).toBe('My_Stale_Partner_Deals');
    expect(rememberedList(store, '005A', 'Account')).toBe('Partner_Accounts');
    expect(rememberedList(store, '005B', 'Opportunity')).toBeNull();
    rememberList(store, '005A', 'Opportunity', 'AllOpportunities');
    expect(rememberedList(store, '005A', 'Opportunity')).toBe('AllOpportunities');
    expect(store.items.get(rememberedKey('005A', 'Opportunity'))).toBe('AllOpportunities');
    forgetList(store, '005A', 'Opportunity');
    expect(rememberedList(store, '005A', 'Opportunity')).toBeNull();
    expect(rememberedList(store, '005A', 'Account')).toBe('Partner_Accounts');
  });

  it('is not kept without a signed-in user or a usable storage', () => {
    const store = memoryStore();
    rememberList(store, '', 'Opportunity', 'AllOpportunities');
    expect(store.items.size).toBe(0);
    expect(rememberedList(null, '005A', 'Opportunity')).toBeNull();
    expect(() => rememberList(refusing, '005A', 'Opportunity', 'AllOpportunities')).not.toThrow();
    expect(rememberedList(refusing, '005A', 'Opportunity')).toBeNull();
    expect(() => forgetList(refusing, '005A', 'Opportunity')).not.toThrow();
  });
});

describe("the user's planning role", () => {
  it('is read from a UI API record, blank as none', () => {
    expect(roleOf({ fields: { Partner_Planning_Role__c: { value: 'Partner Manager' } } })).toBe('Partner Manager');
    expect(roleOf({ fields: { Partner_Planning_Role__c: { value: null } } })).toBeNull();
    expect(roleOf({ fields: {} })).toBeNull();
    expect(roleOf(null)).toBeNull();
  });
});

/**
 * Salesforce record Ids: a 3-character key prefix, then 12 base-62 characters (15 in all,
 * case-sensitive), plus a 3-character suffix that encodes the case of the first 15 (18 in all).
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a 15-character Id. */
export function to18(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15[block * 5 + i];
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return id15 + suffix;
}

const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/;

/**
 * The canonical 18-character Id for a 15- or 18-character input, or undefined when the text is not
 * a well-formed Id. An 18-character Id is case-insensitive: its suffix restores the case.
 */
export function normalizeId(text: string): string | undefined {
  if (!ID_PATTERN.test(text)) {
    if (/^[a-zA-Z0-9]{15}[a-zA-Z0-5]{3}$/.test(text))
      return normalizeId(text.slice(0, 15) + text.slice(15).toUpperCase());
    return undefined;
  }
  if (text.length === 15) return to18(text);
  // Restore the case of the first 15 characters from the suffix, so a lower-cased 18-char Id still matches.
  let id15 = '';
  for (let block = 0; block < 3; block++) {
    const bits = SUFFIX_ALPHABET.indexOf(text[15 + block]);
    for (let i = 0; i < 5; i++) {
      const ch = text[block * 5 + i];
      id15 += bits & (1 << i) ? ch.toUpperCase() : ch.toLowerCase();
    }
  }
  const canonical = to18(id15);
  return canonical.slice(15) === text.slice(15) ? canonical : undefined;
}

/** Makes Ids for one object from a monotonically increasing counter. */
export function makeId(keyPrefix: string, counter: number, podChar = '0'): string {
  let body = '';
  let n = counter;
  for (let i = 0; i < 9; i++) {
    body = BASE62[n % 62] + body;
    n = Math.floor(n / 62);
  }
  // prefix (3) + pod/instance (2) + '0' + 9-character counter = 15
  return to18(`${keyPrefix}${podChar}00${body}`);
}

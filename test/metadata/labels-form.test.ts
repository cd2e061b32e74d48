/**
 * `sf project deploy start` writes CustomLabels.labels-meta.xml back in its own form: labels sorted by name
 * (case-insensitively) under an XML declaration without a space before `?>`. Kept in that form, a deploy leaves
 * the working tree as it was; out of it, every deploy rewrites the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@partner-planning/model';

const file = join(REPO_ROOT, 'force-app', 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml');
const text = readFileSync(file, 'utf8');
const names = [...text.matchAll(/<labels>\s*<fullName>([^<]+)<\/fullName>/g)].map((m) => m[1]);

describe('the custom labels file', () => {
  it('starts with the XML declaration the sf CLI writes', () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels')).toBe(true);
  });

  it('lists its labels sorted by name, as the sf CLI writes them', () => {
    expect(names.length).toBeGreaterThan(100);
    const sorted = [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    const firstOutOfPlace = names.findIndex((name, i) => name !== sorted[i]);
    expect(
      firstOutOfPlace === -1 ? null : `${names[firstOutOfPlace]} should come after ${sorted[firstOutOfPlace]}`,
    ).toBe(null);
  });
});

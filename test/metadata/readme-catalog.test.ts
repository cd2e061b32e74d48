/**
 * The README's metric catalog table lists every metric that ships, under its category, with its direction and
 * shape where they are not the defaults: the table is what admins read to choose targets, so it must not drift
 * from customMetadata/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadForceApp, REPO_ROOT } from '@partner-planning/model';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Metric catalog'), readme.indexOf('### Plan lifecycle'));
const rows = new Map(
  section
    .split('\n')
    .filter((line) => /^\| [A-Z]/.test(line) && !line.startsWith('| category'))
    .map((line) => {
      const [category, metrics] = line
        .split('|')
        .slice(1, 3)
        .map((cell) => cell.trim());
      return [category, metrics.split(/, (?![^(]*\))/).map((m) => m.trim())] as const;
    }),
);

const metrics = loadForceApp().customMetadataRecords.filter((r) => r.type === 'Plan_Metric__mdt');

/** How the README writes a metric's reading rules: "(lower, rate)", "(budget)", nothing for the defaults. */
function annotation(values: Record<string, unknown>): string {
  const parts: string[] = [];
  if (values.Direction__c === 'Lower is better') parts.push('lower');
  if (values.Direction__c === 'Stay within budget') parts.push('budget');
  if (values.Shape__c === 'Rate') parts.push('rate');
  if (values.Shape__c === 'Snapshot') parts.push('snapshot');
  return parts.length ? ` (${parts.join(', ')})` : '';
}

describe('README metric catalog', () => {
  it('has a row per category', () => {
    const categories = new Set(metrics.map((m) => String(m.values.Category__c)));
    expect([...rows.keys()].sort()).toEqual([...categories].sort());
  });

  it.each(metrics.map((m) => [m.label, m] as const))('lists %s with its direction and shape', (_label, metric) => {
    const listed = rows.get(String(metric.values.Category__c)) ?? [];
    expect(listed).toContain(`${metric.label}${annotation(metric.values)}`);
  });

  it('lists no metric that does not ship', () => {
    const shipped = new Set(metrics.map((m) => `${m.label}${annotation(m.values)}`));
    expect([...rows.values()].flat().filter((m) => !shipped.has(m))).toEqual([]);
  });
});

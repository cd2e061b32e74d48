/** npm start's Node.js check: the version range comes from package.json engines and is explained when unmet. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeVersionProblem } from '../../packages/jobs/node-version';
import { REPO_ROOT } from '../../packages/model';

describe('the Node.js version check', () => {
  it('accepts the oldest supported version and newer ones', () => {
    for (const version of ['20.19.0', '20.20.2', '22.12.0', '24.1.0']) {
      expect(nodeVersionProblem('>=20.19', version)).toBeUndefined();
    }
  });

  it('explains an older version, naming both versions', () => {
    expect(nodeVersionProblem('>=20.19', '20.18.3')).toBe(
      'this project needs Node.js 20.19 or newer (package.json engines: ">=20.19"); this is Node.js 20.18.3. ' +
        'Install a supported Node.js, then run npm install again.',
    );
    expect(nodeVersionProblem('>=20.19', '18.20.0')).toMatch(/needs Node\.js 20\.19 or newer/);
  });

  it('reads a range it understands from package.json, which this Node.js satisfies', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(manifest.engines.node).toMatch(/^>=\d+\.\d+$/);
    expect(nodeVersionProblem(manifest.engines.node, process.versions.node)).toBeUndefined();
  });

  it('refuses a range it cannot read instead of passing it', () => {
    expect(nodeVersionProblem('^20', '20.19.0')).toMatch(/must read ">=MAJOR.MINOR"/);
  });
});

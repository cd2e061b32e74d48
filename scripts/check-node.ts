/**
 * `npm start` runs this first: says plainly when this Node.js is older than the project supports
 * (package.json `engines`), instead of failing later inside a dependency with a confusing error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeVersionProblem } from '@partner-planning/jobs';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
  engines?: { node?: string };
};
const problem = nodeVersionProblem(manifest.engines?.node ?? '', process.versions.node);
if (problem) {
  console.error(`start: ${problem}`);
  process.exit(1);
}

/**
 * `npm start` runs this first: says plainly when this Node.js is older than the project supports
 * (package.json `engines`), instead of failing later inside a dependency with a confusing error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandProgram, runProgram } from '@partner-planning/cli';
import { nodeVersionProblem } from '@partner-planning/jobs';

/** This Node.js is older than package.json's `engines` allows. */
class NodeVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NodeVersionError';
  }
}

const program = commandProgram(
  'check-node',
  "Check that this Node.js is one the project supports (package.json's engines).",
).action(() => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
    engines?: { node?: string };
  };
  const problem = nodeVersionProblem(manifest.engines?.node ?? '', process.versions.node);
  if (problem) throw new NodeVersionError(problem);
});

void runProgram(program);

/** Whether this Node.js is one the project supports, read from package.json `engines` (one source). */

/** Why `current` (e.g. "20.18.1") does not satisfy `required` (">=20.19"), or undefined when it does. */
export function nodeVersionProblem(required: string, current: string): string | undefined {
  const wanted = /^>=(\d+)\.(\d+)/.exec(required);
  if (!wanted) return `package.json engines.node must read ">=MAJOR.MINOR", not "${required}"`;
  const [major, minor] = current.split('.').map(Number);
  const [needMajor, needMinor] = [Number(wanted[1]), Number(wanted[2])];
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return undefined;
  return (
    `this project needs Node.js ${needMajor}.${needMinor} or newer (package.json engines: "${required}"); ` +
    `this is Node.js ${current}. Install a supported Node.js, then run npm install again.`
  );
}

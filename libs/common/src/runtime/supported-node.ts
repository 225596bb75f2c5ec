/**
 * The oldest Node.js major the engine runs on: 24, the LTS line (20 is past its end of life and the
 * engine's dependencies need 22 or later). package.json's `engines` says the same.
 */
export const MINIMUM_NODE_MAJOR = 24;

/** Why Node.js `version` (as in process.versions.node) cannot run the engine, or null when it can. */
export function unsupportedNodeReason(version: string): string | null {
  const major = Number(version.replace(/^v/, '').split('.')[0]);
  if (major >= MINIMUM_NODE_MAJOR) return null;
  return (
    `Node.js ${version} cannot run this engine: it needs Node.js ${MINIMUM_NODE_MAJOR} LTS or later. ` +
    `Start it through npm (npm start, npm run cli -- …), which uses the Node.js ${MINIMUM_NODE_MAJOR} ` +
    `that npm install puts in node_modules/.bin, or install Node.js ${MINIMUM_NODE_MAJOR} on this machine.`
  );
}

/** First thing every process does: stop with that reason, before a dependency fails in a stranger way. */
export function exitOnUnsupportedNode(version: string = process.versions.node): void {
  const reason = unsupportedNodeReason(version);
  if (reason === null) return;
  process.stderr.write(`${reason}\n`);
  process.exit(1);
}

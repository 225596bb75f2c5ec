import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../files/repository-root';
import { MINIMUM_NODE_MAJOR, unsupportedNodeReason } from './supported-node';

describe('unsupportedNodeReason', () => {
  it.each(['24.0.0', '24.21.0', 'v24.11.1', '26.1.0'])('accepts Node.js %s', (version) => {
    expect(unsupportedNodeReason(version)).toBeNull();
  });

  it.each(['20.20.2', '22.22.0', 'v18.20.8', '23.11.1'])(
    'refuses Node.js %s, naming it and what is needed',
    (version) => {
      const reason = unsupportedNodeReason(version);
      expect(reason).toContain(`Node.js ${version} cannot run this engine`);
      expect(reason).toContain('Node.js 24 LTS or later');
    },
  );

  it('agrees with package.json: engines and the Node.js the project installs', () => {
    const pkg = JSON.parse(readFileSync(join(repositoryRoot(), 'package.json'), 'utf8')) as {
      engines: { node: string };
      devDependencies: { node: string };
    };
    expect(pkg.engines.node).toBe(`>=${MINIMUM_NODE_MAJOR}`);
    expect(unsupportedNodeReason(pkg.devDependencies.node)).toBeNull();
  });
});

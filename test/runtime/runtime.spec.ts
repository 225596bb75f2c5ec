import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { repositoryRoot } from '@app/common';

/**
 * The tests, and every process they start (process.execPath), run on the Node.js the project installs;
 * the packages that ship prebuilt native code load on it.
 */
describe('the runtime', () => {
  it('is the Node.js pinned in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(repositoryRoot(), 'package.json'), 'utf8')) as {
      devDependencies: { node: string };
    };
    expect(process.versions.node).toBe(pkg.devDependencies.node);
  });

  it('loads resvg, which turns the report chart into a PNG, and renders with it', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="1">' +
      '<rect width="1" height="1" fill="#ff0000"/><rect x="1" width="1" height="1" fill="#0000ff"/></svg>';
    const image = new Resvg(svg).render();
    expect([image.width, image.height]).toEqual([2, 1]);
    expect([...image.pixels]).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
  });

  it("loads the native extractor of BullMQ's msgpackr where its prebuilt package is installed", () => {
    // In a process of its own: jest's module system does not load .node addons as Node.js does.
    const script = `
      const fromBullmq = require('node:module').createRequire(require.resolve('bullmq'));
      const { isNativeAccelerationEnabled, pack, unpack } = fromBullmq('msgpackr');
      const job = { stepId: 'c0a8012e-5d7b-4a39-9f3e-2b1d6f0e4a11', deadlineVersion: 3, names: ['督办', '挂牌督办'] };
      let prebuilt = true;
      try { fromBullmq.resolve('@msgpackr-extract/msgpackr-extract-' + process.platform + '-' + process.arch + '/package.json'); }
      catch { prebuilt = false; }
      console.log(JSON.stringify({ prebuilt, native: isNativeAccelerationEnabled, job: unpack(pack(job)) }));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: repositoryRoot(), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { prebuilt, native, job } = JSON.parse(run.stdout) as { prebuilt: boolean; native: boolean; job: unknown };
    expect(native).toBe(prebuilt);
    expect(job).toEqual({
      stepId: 'c0a8012e-5d7b-4a39-9f3e-2b1d6f0e4a11',
      deadlineVersion: 3,
      names: ['督办', '挂牌督办'],
    });
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, repositoryRoot } from '@app/common';
import { AttachmentStore } from './attachment-store';

describe('AttachmentStore', () => {
  let root: string;
  let store: AttachmentStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'attachments-'));
    store = new AttachmentStore(loadConfig({ ATTACHMENTS_DIR: root }));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const filesUnder = (folder: string): string[] =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);

  it('names a file by its SHA-256, in a folder per first two hex digits', async () => {
    const content = Buffer.from('森林康养基地建设进展');
    const sha256 = await store.put(content);
    // Known answer, from outside this code: printf '森林康养基地建设进展' | sha256sum
    expect(sha256).toBe('6cc66ebeda844bbf79e4e921cdfa16c59b5f3181e7a674d442f165369e170c2f');
    expect(store.pathOf(sha256)).toBe(join(root, sha256.slice(0, 2), sha256));
    expect(readFileSync(store.pathOf(sha256))).toEqual(content);
  });

  it('stores the same content once, also when two uploads race, and leaves no temp file', async () => {
    const content = Buffer.from('同一份佐证材料');
    const [first, second, third] = await Promise.all([
      store.put(content),
      store.put(content),
      store.put(Buffer.from(content)),
    ]);
    expect(new Set([first, second, third]).size).toBe(1);
    expect(filesUnder(root)).toEqual([first]);
  });

  it('tells intact, damaged and missing content apart', async () => {
    const sha256 = await store.put(Buffer.from('原件'));
    expect(await store.get(sha256)).toMatchObject({ found: true, intact: true });
    writeFileSync(store.pathOf(sha256), '篡改');
    expect(await store.get(sha256)).toMatchObject({ found: true, intact: false });
    expect(await store.get('0'.repeat(64))).toEqual({ found: false });
  });

  it('replaces a damaged copy when the same content is stored again', async () => {
    const content = Buffer.from('原件');
    const sha256 = await store.put(content);
    writeFileSync(store.pathOf(sha256), '篡改');
    await store.put(content);
    expect(await store.get(sha256)).toMatchObject({ found: true, intact: true, content });
  });

  it('refuses anything but a checksum as a name, so no path can escape the folder', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow(/SHA-256/);
    expect(() => store.pathOf('A'.repeat(64))).toThrow(/SHA-256/);
  });

  it('takes a relative ATTACHMENTS_DIR from the repository root', () => {
    expect(new AttachmentStore(loadConfig({ ATTACHMENTS_DIR: 'var/attachments' })).root).toBe(
      join(repositoryRoot(), 'var/attachments'),
    );
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig, repositoryRoot } from '@app/common';

/** What the disk holds under a checksum: nothing, or bytes that do or do not still match it. */
export type StoredContent = { found: false } | { found: true; content: Buffer; intact: boolean };

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Attachment bytes on disk, content-addressed: a file is named by its SHA-256, so the same content is
 * stored once however often it is attached. A file appears whole or not at all (temp file, fsync, rename).
 */
@Injectable()
export class AttachmentStore {
  /** ATTACHMENTS_DIR; a relative one is taken from the repository root, whatever the working folder. */
  readonly root: string;

  constructor(config: AppConfig) {
    this.root = isAbsolute(config.ATTACHMENTS_DIR)
      ? config.ATTACHMENTS_DIR
      : resolve(repositoryRoot(), config.ATTACHMENTS_DIR);
  }

  /** `<root>/ab/ab12…`: a folder per first two hex digits keeps folders small. */
  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256 checksum: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores the content under its checksum and gives the checksum; an intact copy is kept, a damaged one replaced. */
  async put(content: Buffer): Promise<string> {
    const sha256 = sha256Of(content);
    const existing = await this.get(sha256);
    if (!existing.found || !existing.intact) await writeAtomically(this.pathOf(sha256), content);
    return sha256;
  }

  async get(sha256: string): Promise<StoredContent> {
    try {
      const content = await readFile(this.pathOf(sha256));
      return { found: true, content, intact: sha256Of(content) === sha256 };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { found: false };
      throw error;
    }
  }
}

async function writeAtomically(target: string, content: Buffer): Promise<void> {
  const folder = dirname(target);
  await mkdir(folder, { recursive: true, mode: 0o750 });
  const temporary = join(folder, `.${basename(target)}.${randomUUID()}.tmp`);
  try {
    const file = await open(temporary, 'wx', 0o640);
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  // The rename itself survives a crash only once the folder is synced.
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

import { strFromU8, unzipSync, type UnzipFileInfo } from 'fflate';
import { corruptDocument, unsafeArchive } from '../reader-errors';

/** The parts of a .docx the reader needs. */
export interface DocxParts {
  document: string;
  numbering: string | null;
  styles: string | null;
}

const PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'];
/** A 50-page document.xml is some 2 MB; nothing a bureau sends comes near this. */
export const MAX_DOCX_PART_BYTES = 64 * 1024 * 1024;
/** Text XML compresses some 10:1; a ratio far beyond is a bomb. */
const MAX_RATIO = 200;
const MAX_ENTRIES = 10_000;

/**
 * Unzips only the three parts, after checking the sizes the archive declares: a part declared over
 * the limit, or compressed beyond any real ratio, is refused before anything is inflated. A part that
 * lies about its size is inflated into a buffer of the declared size, so it cannot grow past it.
 */
export function unzipDocx(bytes: Uint8Array): DocxParts {
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        if (++entries > MAX_ENTRIES) throw unsafeArchive(`条目超过${MAX_ENTRIES}个`);
        if (!PARTS.includes(file.name)) return false;
        checkSizes(file);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'DocumentParseError') throw error;
    throw corruptDocument('Word文件', '压缩包无法解开');
  }
  const document = files['word/document.xml'];
  if (document === undefined) throw corruptDocument('Word文件', '缺少正文 word/document.xml');
  return {
    document: text(document),
    numbering: optional(files['word/numbering.xml']),
    styles: optional(files['word/styles.xml']),
  };
}

function checkSizes(file: UnzipFileInfo): void {
  if (file.originalSize > MAX_DOCX_PART_BYTES) {
    throw unsafeArchive(`${file.name}解压后约${Math.round(file.originalSize / 1024 / 1024)} MB`);
  }
  if (file.size > 0 && file.originalSize > 1024 * 1024 && file.originalSize / file.size > MAX_RATIO) {
    throw unsafeArchive(`${file.name}压缩比超过${MAX_RATIO}:1`);
  }
}

function optional(bytes: Uint8Array | undefined): string | null {
  return bytes === undefined ? null : text(bytes);
}

function text(bytes: Uint8Array): string {
  return strFromU8(bytes);
}

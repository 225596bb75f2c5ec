import { isUtf8 } from 'node:buffer';
import { ATTACHMENT_TYPES, type AttachmentKind, type AttachmentType } from './attachment-types';
import { OLE_SIGNATURE, oleRootEntryNames } from './ole-entries';
import { zipEntryNames } from './zip-entries';

/** What the bytes are: an accepted type, or what they looked like (a machine tag and a label for people). */
export type SniffResult =
  { accepted: true; type: AttachmentType } | { accepted: false; detected: string; label: string };

interface Signature {
  offset?: number;
  bytes: number[] | string;
  result: AttachmentKind | { detected: string; label: string };
}

/** Checked first, in order. ASCII-only signatures sit here only when they are decisive (`%PDF-`). */
const SIGNATURES: Signature[] = [
  { bytes: '%PDF-', result: 'pdf' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], result: 'png' },
  { bytes: [0xff, 0xd8, 0xff], result: 'jpeg' },
  { bytes: 'GIF87a', result: 'gif' },
  { bytes: 'GIF89a', result: 'gif' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], result: { detected: 'elf', label: 'Linux 可执行程序（ELF）' } },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], result: { detected: 'mach-o', label: 'macOS 可执行程序（Mach-O）' } },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], result: { detected: 'mach-o', label: 'macOS 可执行程序（Mach-O）' } },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], result: { detected: 'java-class', label: 'Java 类文件或 macOS 通用程序' } },
  { bytes: [0x00, 0x61, 0x73, 0x6d], result: { detected: 'wasm', label: 'WebAssembly 程序' } },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], result: { detected: 'rar', label: 'RAR 压缩包' } },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], result: { detected: '7z', label: '7-Zip 压缩包' } },
  { bytes: [0x1f, 0x8b], result: { detected: 'gzip', label: 'gzip 压缩包' } },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], result: { detected: 'xz', label: 'xz 压缩包' } },
  { bytes: [0xff, 0xfe], result: { detected: 'utf-16', label: 'UTF-16 编码的文本（请另存为 UTF-8）' } },
  { bytes: [0xfe, 0xff], result: { detected: 'utf-16', label: 'UTF-16 编码的文本（请另存为 UTF-8）' } },
];

/** Only to name what was refused, checked after the text test: these start with text, so text may start with them. */
const REFUSED_LOOKALIKES: Signature[] = [
  { bytes: 'MZ', result: { detected: 'exe', label: 'Windows 可执行程序（EXE/DLL）' } },
  { bytes: 'RIFF', result: { detected: 'riff', label: '音视频或 WebP 图片（RIFF）' } },
  { offset: 4, bytes: 'ftyp', result: { detected: 'mp4', label: 'MP4/MOV 视频或 HEIC 图片' } },
  { bytes: 'ID3', result: { detected: 'mp3', label: 'MP3 音频' } },
  { bytes: 'BM', result: { detected: 'bmp', label: 'BMP 图片' } },
  { bytes: 'II*\u0000', result: { detected: 'tiff', label: 'TIFF 图片' } },
  { bytes: 'MM\u0000*', result: { detected: 'tiff', label: 'TIFF 图片' } },
];

const ZIP_SIGNATURES = [Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.from('PK\u0005\u0006', 'latin1')];

/** Recognises a file by its bytes; the client's content type and file name play no part. */
export function sniffContent(bytes: Buffer): SniffResult {
  if (bytes.length === 0) return { accepted: false, detected: 'empty', label: '空文件' };
  const signed = matchSignature(bytes, SIGNATURES);
  if (signed) return signed;
  if (ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) return sniffZip(bytes);
  if (startsWith(bytes, OLE_SIGNATURE)) return sniffOle(bytes);
  const utf8 = isUtf8(bytes);
  if (utf8 && !bytes.includes(0)) return accepted('text');
  const named = matchSignature(bytes, REFUSED_LOOKALIKES);
  if (named) return named;
  if (utf8) return { accepted: false, detected: 'binary', label: '含空字符（NUL）的二进制内容' };
  return refusedBinary(bytes);
}

const OOXML_MAIN_PARTS: [string, AttachmentKind][] = [
  ['word/document.xml', 'docx'],
  ['xl/workbook.xml', 'xlsx'],
  ['ppt/presentation.xml', 'pptx'],
];

/** OOXML: a zip holding `[Content_Types].xml` and the main part of Word, Excel or PowerPoint. */
function sniffZip(bytes: Buffer): SniffResult {
  const names = zipEntryNames(bytes);
  if (!names) return { accepted: false, detected: 'zip-damaged', label: '损坏或无法读取的 ZIP 文件' };
  const entries = new Set(names);
  if (entries.has('[Content_Types].xml')) {
    if (names.some((name) => /^(word|xl|ppt)\/vbaProject\.bin$/.test(name)))
      return { accepted: false, detected: 'ooxml-macro', label: '含宏的 Office 文档（docm/xlsm/pptm）' };
    const main = OOXML_MAIN_PARTS.find(([part]) => entries.has(part));
    if (main) return accepted(main[1]);
  }
  if (entries.has('mimetype') && entries.has('content.xml'))
    return { accepted: false, detected: 'odf', label: 'OpenDocument 文档（odt/ods/odp）' };
  return { accepted: false, detected: 'zip', label: 'ZIP 压缩包' };
}

/** Legacy Office: the streams directly under the compound file's root tell Word from Excel. */
function sniffOle(bytes: Buffer): SniffResult {
  const names = oleRootEntryNames(bytes);
  if (!names) return { accepted: false, detected: 'ole-damaged', label: '损坏或无法读取的 OLE 复合文档' };
  if (names.includes('Macros') || names.includes('_VBA_PROJECT_CUR'))
    return { accepted: false, detected: 'ole-macro', label: '含宏的 Word/Excel 97-2003 文档' };
  if (names.includes('WordDocument')) return accepted('doc');
  if (names.includes('Workbook') || names.includes('Book')) return accepted('xls');
  if (names.includes('PowerPoint Document'))
    return { accepted: false, detected: 'ppt', label: 'PowerPoint 97-2003 演示文稿（ppt，请另存为 pptx）' };
  return { accepted: false, detected: 'ole', label: 'Windows 安装包或其他 OLE 复合文档' };
}

/** Not UTF-8, yet without NULs and nearly free of control characters: text in another encoding, most often GBK. */
function refusedBinary(bytes: Buffer): SniffResult {
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of sample)
    if (byte === 0 || (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte))) controls += 1;
  if (controls * 100 <= sample.length)
    return { accepted: false, detected: 'non-utf8-text', label: '非 UTF-8 编码的文本（如 GBK，请另存为 UTF-8）' };
  return { accepted: false, detected: 'binary', label: '无法识别的二进制内容' };
}

function matchSignature(bytes: Buffer, signatures: Signature[]): SniffResult | null {
  const found = signatures.find(({ offset = 0, bytes: expected }) =>
    startsWith(
      bytes.subarray(offset),
      typeof expected === 'string' ? Buffer.from(expected, 'latin1') : Buffer.from(expected),
    ),
  );
  if (!found) return null;
  return typeof found.result === 'string' ? accepted(found.result) : { accepted: false, ...found.result };
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

function accepted(kind: AttachmentKind): SniffResult {
  return { accepted: true, type: ATTACHMENT_TYPES[kind] };
}

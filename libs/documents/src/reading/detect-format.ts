import type { SourceFormat } from '../parsing/source-document';
import { corruptDocument, encryptedDocument, unsupportedFormat } from './reader-errors';

const PDF = Buffer.from('%PDF-');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const RTF = Buffer.from('{\\rtf');
const HTML_START = /^\s*(?:<!doctype\s+html|<html|<head|<meta|<body|<!--)/iu;
const HTML_TAGS = /<(?:p|div|table|span|br)\b[^>]*>/iu;

/**
 * The format of a file, by its content first and its name second: a .txt that holds a PDF is a PDF.
 * Formats no maintained package reads (.wps, .ofd) and office files that are not documents are refused here.
 */
export async function detectFormat(bytes: Buffer, fileName: string | null): Promise<SourceFormat> {
  const extension = (fileName ?? '').toLowerCase().split('.').pop() ?? '';
  if (startsWith(bytes, PDF) || bytes.subarray(0, 1024).includes(PDF)) return 'pdf';
  if (startsWith(bytes, ZIP)) return zipFormat(await zipEntryNames(bytes), extension);
  if (startsWith(bytes, OLE)) return oleFormat(bytes, extension);
  if (startsWith(bytes, RTF)) throw unsupportedFormat('RTF格式');
  if (extension === 'ofd') throw unsupportedFormat('OFD版式文件（.ofd）');
  if (extension === 'wps') throw unsupportedFormat('WPS文字文件（.wps）');
  return looksLikeHtml(bytes, extension) ? 'html' : 'txt';
}

function zipFormat(names: readonly string[], extension: string): SourceFormat {
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('OFD.xml') || extension === 'ofd') throw unsupportedFormat('OFD版式文件（.ofd）');
  if (names.some((name) => name.startsWith('xl/'))) throw unsupportedFormat('Excel表格（.xlsx）');
  if (names.includes('content.xml')) throw unsupportedFormat('OpenDocument文件（.odt）');
  if (extension === 'docx') throw corruptDocument('Word文件', '缺少正文 word/document.xml');
  throw unsupportedFormat(`压缩包（.${extension || 'zip'}）`);
}

/** Entry names from the zip's central directory, without inflating anything. */
async function zipEntryNames(bytes: Buffer): Promise<string[]> {
  const { unzipSync } = await import('fflate');
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    throw corruptDocument('压缩格式的文件（.docx）', '压缩包无法解开');
  }
  return names;
}

/** Word 97–2003 and WPS files, and a .docx encrypted with a password, are OLE compound files. */
function oleFormat(bytes: Buffer, extension: string): SourceFormat {
  if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw encryptedDocument('Word文件');
  if (extension === 'wps') throw unsupportedFormat('WPS文字文件（.wps）');
  if (bytes.includes(Buffer.from('WordDocument', 'utf16le'))) return 'doc';
  throw unsupportedFormat(`Office二进制文件（.${extension || 'xls/ppt'}）`);
}

function looksLikeHtml(bytes: Buffer, extension: string): boolean {
  const head = bytes.subarray(0, 4096).toString('latin1');
  if (HTML_START.test(head)) return true;
  return (extension === 'html' || extension === 'htm') && HTML_TAGS.test(head);
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

/** The kinds of file accepted as evidence, recognised by their content alone. */
export const ATTACHMENT_KINDS = ['pdf', 'png', 'jpeg', 'gif', 'docx', 'xlsx', 'pptx', 'doc', 'xls', 'text'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface AttachmentType {
  kind: AttachmentKind;
  contentType: string;
  /** Extensions a download name may end with; the first is added when the name has none of them. */
  extensions: readonly string[];
  label: string;
}

export const ATTACHMENT_TYPES: Readonly<Record<AttachmentKind, AttachmentType>> = {
  pdf: { kind: 'pdf', contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF 文档' },
  png: { kind: 'png', contentType: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  jpeg: { kind: 'jpeg', contentType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe'], label: 'JPEG 图片' },
  gif: { kind: 'gif', contentType: 'image/gif', extensions: ['gif'], label: 'GIF 图片' },
  docx: {
    kind: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word 文档（docx）',
  },
  xlsx: {
    kind: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel 工作簿（xlsx）',
  },
  pptx: {
    kind: 'pptx',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: 'PowerPoint 演示文稿（pptx）',
  },
  doc: { kind: 'doc', contentType: 'application/msword', extensions: ['doc'], label: 'Word 97-2003 文档（doc）' },
  xls: {
    kind: 'xls',
    contentType: 'application/vnd.ms-excel',
    extensions: ['xls'],
    label: 'Excel 97-2003 工作簿（xls）',
  },
  text: { kind: 'text', contentType: 'text/plain', extensions: ['txt', 'csv', 'md', 'log'], label: 'UTF-8 纯文本' },
};

export const ACCEPTED_TYPES_TEXT =
  'PDF、PNG、JPEG、GIF、Word/Excel/PowerPoint（docx/xlsx/pptx）、Word/Excel 97-2003（doc/xls）和 UTF-8 纯文本';

export function attachmentTypeOfContentType(contentType: string): AttachmentType | undefined {
  return Object.values(ATTACHMENT_TYPES).find((type) => type.contentType === contentType);
}

const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export const MAX_FILE_NAME_LENGTH = 255;

/**
 * The name as uploaded, made safe to keep and show: no folders, no control characters, no
 * bidirectional overrides (which can disguise `报告‮fdp.exe` as `报告exe.pdf`).
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(UNSAFE_CHARACTERS, '').trim();
  return cleaned === '' || /^\.+$/.test(cleaned) ? '未命名附件' : cleaned;
}

/**
 * The name to download under: the stored name when its extension fits the content, else with the
 * content's extension added, so that a text file named `说明.bat` is never saved as a runnable script.
 */
export function downloadName(fileName: string, type: AttachmentType): string {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension && type.extensions.includes(extension) ? fileName : `${fileName}.${type.extensions[0]}`;
}

/** 20971520 → "20 MiB", 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  const [size, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MiB'] : bytes >= 1024 ? [bytes / 1024, 'KiB'] : [bytes, '字节'];
  return `${Number.isInteger(size) ? size : size.toFixed(1)} ${unit}`;
}

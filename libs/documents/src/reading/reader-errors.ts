import { DocumentParseError } from '../parsing/errors';

const SAVE_AS = '请在Word或WPS中另存为.docx，或另存为PDF、纯文本（.txt）后重新上传';

export function unsupportedFormat(what: string): DocumentParseError {
  return new DocumentParseError('UNSUPPORTED_FORMAT', `暂不支持${what}：${SAVE_AS}。`);
}

export function encryptedDocument(kind: string): DocumentParseError {
  return new DocumentParseError(
    'ENCRYPTED_DOCUMENT',
    `${kind}已加密或设置了打开密码，无法读取：请取消密码保护后重新上传。`,
  );
}

export function corruptDocument(kind: string, detail: string): DocumentParseError {
  return new DocumentParseError('CORRUPT_DOCUMENT', `${kind}已损坏或不完整，无法读取（${detail}）：${SAVE_AS}。`);
}

export function unsafeArchive(detail: string): DocumentParseError {
  return new DocumentParseError(
    'UNSAFE_ARCHIVE',
    `Word文件的压缩内容异常（${detail}），疑似压缩炸弹，已拒绝：请用Word或WPS重新保存后上传。`,
  );
}

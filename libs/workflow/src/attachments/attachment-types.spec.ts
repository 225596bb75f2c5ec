import {
  ATTACHMENT_TYPES,
  attachmentTypeOfContentType,
  cleanFileName,
  downloadName,
  formatBytes,
} from './attachment-types';

describe('cleanFileName', () => {
  it.each([
    ['整改报告.pdf', '整改报告.pdf'],
    ['C:\\Users\\文旅厅\\Desktop\\进展.docx', '进展.docx'],
    ['../../etc/passwd', 'passwd'],
    ['  附件 1.png  ', '附件 1.png'],
    ['报告\u202efdp.exe', '报告fdp.exe'],
    ['line\r\nbreak.txt', 'linebreak.txt'],
    ['', '未命名附件'],
    ['..', '未命名附件'],
    ['dir/', '未命名附件'],
    ['e\u0301.txt', 'é.txt'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });
});

describe('downloadName', () => {
  it.each([
    ['进展报告.pdf', 'pdf', '进展报告.pdf'],
    ['进展报告.PDF', 'pdf', '进展报告.PDF'],
    ['照片.jpeg', 'jpeg', '照片.jpeg'],
    ['说明.pdf', 'text', '说明.pdf.txt'],
    ['清理脚本.bat', 'text', '清理脚本.bat.txt'],
    ['台账.csv', 'text', '台账.csv'],
    ['扫描件', 'png', '扫描件.png'],
    ['旧版.doc', 'docx', '旧版.doc.docx'],
  ] as const)('%s as %s → %s', (fileName, kind, expected) => {
    expect(downloadName(fileName, ATTACHMENT_TYPES[kind])).toBe(expected);
  });
});

describe('formatBytes', () => {
  it.each([
    [20 * 1024 * 1024, '20 MiB'],
    [1536, '1.5 KiB'],
    [1024, '1 KiB'],
    [500, '500 字节'],
    [5 * 1024 * 1024 + 100 * 1024, '5.1 MiB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('attachmentTypeOfContentType', () => {
  it('maps every stored content type back to its type', () => {
    for (const type of Object.values(ATTACHMENT_TYPES))
      expect(attachmentTypeOfContentType(type.contentType)).toBe(type);
    expect(attachmentTypeOfContentType('application/x-msdownload')).toBeUndefined();
  });
});

import { deflateRawSync } from 'node:zlib';
import { ELF, EXE, GIF, JPEG, noise, ole, ooxml, PDF, PNG, docx, zip } from '@app/testing';
import { sniffContent } from './content-sniffing';
import { oleRootEntryNames } from './ole-entries';
import { zipEntryNames } from './zip-entries';

const gbk = Buffer.from('d5fbb8c4b1a8b8e6a3bad2d1cdeab3c9', 'hex'); // 整改报告：已完成, in GBK

describe('sniffContent', () => {
  it.each([
    ['a PDF', PDF, 'pdf', 'application/pdf'],
    ['a PNG', PNG, 'png', 'image/png'],
    ['a JPEG', JPEG, 'jpeg', 'image/jpeg'],
    ['a GIF', GIF, 'gif', 'image/gif'],
    ['a docx', docx(), 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [
      'a docx with an archive comment',
      zip(
        [
          ['[Content_Types].xml', '<Types/>'],
          ['word/document.xml', '<w/>'],
        ],
        '由 WPS 生成',
      ),
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'an xlsx',
      ooxml('xl/workbook.xml', ['xl/worksheets/sheet1.xml']),
      'xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [
      'a pptx',
      ooxml('ppt/presentation.xml', ['ppt/slides/slide1.xml']),
      'pptx',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    ['a doc', ole(['1Table', 'WordDocument', '\u0005SummaryInformation']), 'doc', 'application/msword'],
    [
      'a doc with 4096-byte sectors and a directory over two sectors',
      ole([...Array.from({ length: 40 }, (_, i) => `Stream${i}`), 'WordDocument'], 12),
      'doc',
      'application/msword',
    ],
    [
      'a doc whose directory spans several 512-byte sectors',
      ole(['Data', 'CompObj', 'ObjectPool', '1Table', 'Stream4', 'Stream5', 'WordDocument']),
      'doc',
      'application/msword',
    ],
    ['an xls', ole(['Workbook', '\u0005SummaryInformation']), 'xls', 'application/vnd.ms-excel'],
    ['an Excel 5 xls', ole(['Book']), 'xls', 'application/vnd.ms-excel'],
    ['UTF-8 Chinese text', Buffer.from('关于森林康养基地建设进展的说明\n一、已完成５０个。\n'), 'text', 'text/plain'],
    ['UTF-8 text with a BOM', Buffer.from('\ufeff进展情况', 'utf8'), 'text', 'text/plain'],
    ['text that starts like an EXE header', Buffer.from('MZ 项目说明'), 'text', 'text/plain'],
    [
      'HTML (served as plain text, never rendered)',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'text',
      'text/plain',
    ],
  ])('accepts %s', (_name, bytes, kind, contentType) => {
    const result = sniffContent(bytes);
    expect(result).toMatchObject({ accepted: true, type: { kind, contentType } });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'empty', '空文件'],
    ['a Windows executable', EXE, 'exe', 'Windows 可执行程序'],
    ['a Linux executable', ELF, 'elf', 'ELF'],
    ['a Mach-O executable', Buffer.from('cffaedfe0c000001', 'hex'), 'mach-o', 'Mach-O'],
    ['random bytes', noise(4096), 'binary', '无法识别的二进制内容'],
    ['GBK text', gbk, 'non-utf8-text', 'GBK'],
    ['UTF-16 text', Buffer.from('\ufeff进展', 'utf16le'), 'utf-16', 'UTF-16'],
    ['UTF-8 text with a NUL', Buffer.from('进展\u0000情况'), 'binary', '空字符'],
    ['zeros', Buffer.alloc(100), 'binary', '空字符'],
    ['a plain zip', zip([['报告.txt', '进展']]), 'zip', 'ZIP 压缩包'],
    ['a zip with Word parts but no [Content_Types].xml', zip([['word/document.xml', '<w/>']]), 'zip', 'ZIP'],
    ['a macro-enabled Word file', ooxml('word/document.xml', ['word/vbaProject.bin']), 'ooxml-macro', '含宏'],
    [
      'an OpenDocument text',
      zip([
        ['mimetype', 'application/vnd.oasis.opendocument.text'],
        ['content.xml', '<office/>'],
      ]),
      'odf',
      'OpenDocument',
    ],
    ['a truncated zip', docx().subarray(0, 200), 'zip-damaged', '损坏'],
    [
      'a zip behind a self-extractor stub',
      Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), docx()]),
      'zip-damaged',
      '损坏',
    ],
    ['a legacy PowerPoint', ole(['PowerPoint Document', 'Current User']), 'ppt', 'PowerPoint 97-2003'],
    ['a Word file with macros', ole(['WordDocument', '1Table', 'Macros']), 'ole-macro', '含宏'],
    ['an MSI installer', ole(['\u4840\u3f3f\u4577']), 'ole', 'Windows 安装包'],
    ['a truncated OLE file', ole(['WordDocument']).subarray(0, 700), 'ole-damaged', '损坏'],
    ['a gzip archive', Buffer.from('1f8b0800000000000003', 'hex'), 'gzip', 'gzip'],
    ['a RAR archive', Buffer.from('526172211a0700cf907300000d', 'hex'), 'rar', 'RAR'],
    [
      'an MP4 video',
      Buffer.concat([Buffer.from('00000018', 'hex'), Buffer.from('ftypisom', 'latin1'), Buffer.alloc(8)]),
      'mp4',
      'MP4',
    ],
    [
      'a WebP image',
      Buffer.concat([
        Buffer.from('RIFF', 'latin1'),
        Buffer.from('24000000', 'hex'),
        Buffer.from('WEBPVP8 ', 'latin1'),
        Buffer.alloc(8),
      ]),
      'riff',
      'RIFF',
    ],
  ])('refuses %s, naming it', (_name, bytes, detected, labelPart) => {
    const result = sniffContent(bytes);
    expect(result).toMatchObject({ accepted: false, detected });
    expect(result.accepted === false && result.label).toContain(labelPart);
  });

  it('pays no attention to what follows a signature', () => {
    expect(sniffContent(Buffer.concat([PDF, noise(1000)]))).toMatchObject({ accepted: true, type: { kind: 'pdf' } });
  });
});

describe('zipEntryNames', () => {
  it('reads names of compressed entries without inflating them', () => {
    const archive = zip([['word/document.xml', deflateRawSync(Buffer.from('<w:document/>'))]]);
    expect(zipEntryNames(archive)).toEqual(['word/document.xml']);
  });

  it.each([
    [
      'too many entries',
      zip([
        ['a', ''],
        ['b', ''],
        ['c', ''],
      ]),
      2,
    ],
    ['no end record', Buffer.from('PK\u0003\u0004 not really a zip', 'latin1'), 10],
    [
      'a central directory pointing past its end',
      (() => {
        const archive = docx();
        archive.writeUInt32LE(0x7fffffff, archive.length - 6);
        return archive;
      })(),
      10,
    ],
  ])('gives null for %s', (_name, bytes, maxEntries) => {
    expect(zipEntryNames(bytes, maxEntries)).toBeNull();
  });
});

describe('oleRootEntryNames', () => {
  it('lists the streams under the root', () => {
    expect(oleRootEntryNames(ole(['WordDocument', '1Table']))?.sort()).toEqual(['1Table', 'WordDocument']);
  });

  it('gives null for a directory whose sibling links loop', () => {
    const file = ole(['WordDocument', '1Table']);
    file.writeUInt32LE(1, 512 * 2 + 2 * 128 + 0x48);
    expect(oleRootEntryNames(file)).toBeNull();
  });

  it('gives null for a FAT chain that loops', () => {
    const file = ole(['WordDocument']);
    file.writeUInt32LE(1, 512 + 4);
    expect(oleRootEntryNames(file)).toBeNull();
  });
});

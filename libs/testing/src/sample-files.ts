import { crc32 } from 'node:zlib';

/** Small but well-formed files of every kind the sniffer knows, made in code so tests ship no binaries. */

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082',
  'hex',
);
export const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
export const GIF = Buffer.concat([
  Buffer.from('GIF89a', 'latin1'),
  Buffer.from('010001000000002c00000000010001000002003b', 'hex'),
]);
export const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(56)]);
export const EXE = (() => {
  const exe = Buffer.alloc(256);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\u0000\u0000', 0x80, 'latin1');
  return exe;
})();

/** Bytes from a fixed linear congruential sequence: "random", yet the same in every run. */
export function noise(length: number, seed = 20261122): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

const DOS_DATE = (2026 - 1980) * 512 + 11 * 32 + 22;

/** A zip archive of uncompressed entries, with local headers, central directory and end record. */
export function zip(entries: [name: string, content: string | Buffer][], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, raw] of entries) {
    const content = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, content);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + content.length;
  }
  const directory = Buffer.concat(centrals);
  const commentBytes = Buffer.from(comment, 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(commentBytes.length, 20);
  return Buffer.concat([...locals, directory, end, commentBytes]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** A minimal Word document that Word and LibreOffice open. */
export function docx(text = '督查督办进展报告'): Buffer {
  const body = `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;
  return zip([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', RELS],
    ['word/document.xml', body],
  ]);
}

/** A zip shaped like an Office file of the given main part (content not a real workbook or deck). */
export function ooxml(mainPart: string, extra: string[] = []): Buffer {
  return zip([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', RELS],
    [mainPart, `${XML}<x/>`],
    ...extra.map((name): [string, string] => [name, 'x']),
  ]);
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/**
 * A compound file (version 3 or 4) whose root storage holds the named (empty) streams. Sector 0 is the
 * FAT; the directory runs from sector 1 over as many sectors as it needs, chained through the FAT.
 */
export function ole(rootStreams: string[], sectorShift: 9 | 12 = 9): Buffer {
  const sectorSize = 1 << sectorShift;
  const entries = [{ name: 'Root Entry', type: 5 }, ...rootStreams.map((name) => ({ name, type: 2 }))];
  const directorySectors = Math.ceil((entries.length * 128) / sectorSize);
  const file = Buffer.alloc(sectorSize * (2 + directorySectors));
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(file, 0);
  file.writeUInt16LE(0x3e, 0x18);
  file.writeUInt16LE(sectorShift === 9 ? 3 : 4, 0x1a);
  file.writeUInt16LE(0xfffe, 0x1c);
  file.writeUInt16LE(sectorShift, 0x1e);
  file.writeUInt16LE(6, 0x20);
  file.writeUInt32LE(1, 0x2c);
  file.writeUInt32LE(1, 0x30);
  file.writeUInt32LE(4096, 0x38);
  file.writeUInt32LE(END_OF_CHAIN, 0x3c);
  file.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let slot = 0; slot < 109; slot += 1) file.writeUInt32LE(slot === 0 ? 0 : FREE, 0x4c + slot * 4);
  const fat = sectorSize;
  for (let slot = 0; slot < sectorSize / 4; slot += 1) file.writeUInt32LE(FREE, fat + slot * 4);
  file.writeUInt32LE(FAT_SECTOR, fat);
  for (let sector = 1; sector <= directorySectors; sector += 1)
    file.writeUInt32LE(sector === directorySectors ? END_OF_CHAIN : sector + 1, fat + sector * 4);
  entries.forEach((entry, index) => {
    const at = sectorSize * 2 + index * 128;
    const name = Buffer.from(`${entry.name}\u0000`, 'utf16le');
    name.copy(file, at);
    file.writeUInt16LE(name.length, at + 0x40);
    file[at + 0x42] = entry.type;
    file.writeUInt32LE(FREE, at + 0x44);
    // The root's child is the first stream; each stream links the next as its right sibling.
    file.writeUInt32LE(index === 0 || index === entries.length - 1 ? FREE : index + 1, at + 0x48);
    file.writeUInt32LE(index === 0 && entries.length > 1 ? 1 : FREE, at + 0x4c);
    file.writeUInt32LE(END_OF_CHAIN, at + 0x74);
  });
  return file;
}

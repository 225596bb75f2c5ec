export const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const HEADER_BYTES = 512;
const ENTRY_BYTES = 128;
const HEADER_FAT_SLOTS = 109;
const LAST_REGULAR_SECTOR = 0xfffffffa;
const NO_ENTRY = 0xffffffff;
const MAX_DIRECTORY_SECTORS = 1024;

/**
 * The names of the streams and storages directly under the root of an OLE compound file (legacy
 * Word/Excel/PowerPoint, MSI…), read by following the directory's sector chain through the FAT.
 * Null when the header or the chain does not hold together.
 */
export function oleRootEntryNames(bytes: Buffer): string[] | null {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, 8).equals(OLE_SIGNATURE)) return null;
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const fatSectors = fatSectorsOf(bytes, sectorSize, sectorOffset);
  const nextSector = (sector: number): number | null => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    const at = fatSector === undefined ? -1 : sectorOffset(fatSector) + (sector % perSector) * 4;
    return at < 0 || at + 4 > bytes.length ? null : bytes.readUInt32LE(at);
  };
  const entries: Buffer[] = [];
  const seen = new Set<number>();
  for (
    let sector: number | null = bytes.readUInt32LE(0x30);
    sector !== null && sector <= LAST_REGULAR_SECTOR;
    sector = nextSector(sector)
  ) {
    if (seen.has(sector) || seen.size >= MAX_DIRECTORY_SECTORS || sectorOffset(sector) + sectorSize > bytes.length)
      return null;
    seen.add(sector);
    for (let at = sectorOffset(sector); at < sectorOffset(sector) + sectorSize; at += ENTRY_BYTES)
      entries.push(bytes.subarray(at, at + ENTRY_BYTES));
  }
  if (entries.length === 0 || entries[0][0x42] !== 5) return null;
  return childrenOf(entries, entries[0].readUInt32LE(0x4c));
}

/** FAT sector numbers: 109 in the header, the rest in the DIFAT chain. */
function fatSectorsOf(bytes: Buffer, sectorSize: number, sectorOffset: (sector: number) => number): number[] {
  const sectors: number[] = [];
  for (let slot = 0; slot < HEADER_FAT_SLOTS; slot += 1) sectors.push(bytes.readUInt32LE(0x4c + slot * 4));
  const seen = new Set<number>();
  for (let sector = bytes.readUInt32LE(0x44); sector <= LAST_REGULAR_SECTOR && !seen.has(sector);) {
    seen.add(sector);
    const at = sectorOffset(sector);
    if (at + sectorSize > bytes.length) break;
    for (let slot = 0; slot < sectorSize / 4 - 1; slot += 1) sectors.push(bytes.readUInt32LE(at + slot * 4));
    sector = bytes.readUInt32LE(at + sectorSize - 4);
  }
  return sectors.filter((sector) => sector <= LAST_REGULAR_SECTOR);
}

/** A storage's children form a red-black tree through their left and right sibling links. */
function childrenOf(entries: Buffer[], first: number): string[] | null {
  const names: string[] = [];
  const pending = [first];
  const seen = new Set<number>();
  while (pending.length > 0) {
    const index = pending.pop()!;
    if (index === NO_ENTRY) continue;
    const entry = entries[index];
    if (!entry || seen.has(index)) return null;
    seen.add(index);
    const nameBytes = entry.readUInt16LE(0x40);
    if (nameBytes < 2 || nameBytes > 64) return null;
    names.push(entry.toString('utf16le', 0, nameBytes - 2));
    pending.push(entry.readUInt32LE(0x44), entry.readUInt32LE(0x48));
  }
  return names;
}

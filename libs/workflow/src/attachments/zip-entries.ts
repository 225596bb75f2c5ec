const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const END_RECORD_BYTES = 22;
const CENTRAL_HEADER_BYTES = 46;
const MAX_COMMENT_BYTES = 0xffff;

/**
 * The entry names of a zip archive, read from its central directory without extracting anything.
 * Null when the bytes hold no readable central directory (truncated, zip64, data prepended, too many entries).
 */
export function zipEntryNames(bytes: Buffer, maxEntries = 10_000): string[] | null {
  const end = findEndRecord(bytes);
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count > maxEntries || offset + size > end) return null;
  const names: string[] = [];
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    if (at + CENTRAL_HEADER_BYTES > offset + size || bytes.readUInt32LE(at) !== CENTRAL_FILE_HEADER) return null;
    const nameEnd = at + CENTRAL_HEADER_BYTES + bytes.readUInt16LE(at + 28);
    if (nameEnd > offset + size) return null;
    names.push(bytes.toString('utf8', at + CENTRAL_HEADER_BYTES, nameEnd));
    at = nameEnd + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return names;
}

/** The end-of-central-directory record is the last thing in the file but for an archive comment. */
function findEndRecord(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let at = bytes.length - END_RECORD_BYTES; at >= lowest; at -= 1) {
    if (
      bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY &&
      at + END_RECORD_BYTES + bytes.readUInt16LE(at + 20) <= bytes.length
    )
      return at;
  }
  return -1;
}

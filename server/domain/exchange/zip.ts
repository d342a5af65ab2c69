import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Said } from './problems';

/**
 * Unpacks a ZIP archive (an XLSX workbook is one) without trusting anything it declares about
 * itself. The sizes in a ZIP's directory are written by whoever made the file: a 1 MB archive may
 * announce 100 bytes per entry and inflate to gigabytes. So entries are inflated by zlib with a hard
 * cap on the bytes it actually produces (`maxOutputLength`: zlib stops as soon as it is passed, so
 * memory stays near the cap), per entry and in all, and the declared sizes are only used to find the
 * compressed bytes inside the buffer, checked against its bounds. Inflation runs on libuv's thread
 * pool (zlib's asynchronous API): the event loop stays free meanwhile.
 */

export interface ZipLimits {
  /** Bytes one entry may inflate to. */
  entryBytes: number;
  /** Bytes all entries together may inflate to. */
  totalBytes: number;
  /** Entries in the directory. */
  entries: number;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

export type ZipReadResult =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; reason: 'not-zip' | 'corrupt' | 'unsupported'; detail: Said }
  /** `entry`: the entry that passed a limit (or null: too many entries). */
  | { ok: false; reason: 'too-big'; limit: 'entry' | 'total' | 'entries'; entry: string | null };

const inflateRaw = promisify(zlib.inflateRaw);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export async function readZip(bytes: Buffer, limits: ZipLimits): Promise<ZipReadResult> {
  const directory = readDirectory(bytes, limits);
  if (!('entries' in directory)) return directory;

  const entries: ZipEntry[] = [];
  let total = 0;
  for (const entry of directory.entries) {
    if (entry.encrypted) return { ok: false, reason: 'unsupported', detail: { code: 'zipEncrypted', params: { name: entry.name } } };
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      return { ok: false, reason: 'unsupported', detail: { code: 'zipMethod', params: { method: entry.method, name: entry.name } } };
    }
    const start = dataStart(bytes, entry.localOffset);
    if (start === null || start + entry.compressedSize > bytes.length) {
      return { ok: false, reason: 'corrupt', detail: { code: 'zipOutside', params: { name: entry.name } } };
    }
    const compressed = bytes.subarray(start, start + entry.compressedSize);
    // The cap is on what is produced, whatever the directory says the entry holds.
    const budget = Math.min(limits.entryBytes, limits.totalBytes - total);
    const limit = budget < limits.entryBytes ? 'total' : 'entry';
    let data: Buffer;
    if (entry.method === STORED) {
      if (compressed.length > budget) return { ok: false, reason: 'too-big', limit, entry: entry.name };
      data = compressed;
    } else {
      try {
        data = await inflateRaw(compressed, { maxOutputLength: Math.max(budget, 1) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          return { ok: false, reason: 'too-big', limit, entry: entry.name };
        }
        return { ok: false, reason: 'corrupt', detail: { code: 'zipEntryUnreadable', params: { name: entry.name } } };
      }
      if (data.length > budget) return { ok: false, reason: 'too-big', limit, entry: entry.name };
    }
    total += data.length;
    entries.push({ name: entry.name, data });
  }
  return { ok: true, entries };
}

interface DirectoryEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  localOffset: number;
}

/** The central directory's entries, each checked to lie inside the buffer. */
function readDirectory(bytes: Buffer, limits: ZipLimits): { entries: DirectoryEntry[] } | Extract<ZipReadResult, { ok: false }> {
  // The end record is 22 bytes, followed by a comment of up to 65 535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, reason: 'not-zip', detail: { code: 'zipNotZip' } };
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  // ZIP64 (more than 65 535 entries or 4 GB): no workbook of 5 Mo needs it.
  if (count === 0xffff || offset === 0xffffffff) return { ok: false, reason: 'unsupported', detail: { code: 'zip64' } };
  if (count > limits.entries) return { ok: false, reason: 'too-big', limit: 'entries', entry: null };

  const entries: DirectoryEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL) {
      return { ok: false, reason: 'corrupt', detail: { code: 'zipDirectory' } };
    }
    const nameLength = bytes.readUInt16LE(offset + 28);
    const next = offset + 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
    if (next > bytes.length) return { ok: false, reason: 'corrupt', detail: { code: 'zipDirectory' } };
    entries.push({
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
      encrypted: (bytes.readUInt16LE(offset + 8) & 1) === 1,
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      localOffset: bytes.readUInt32LE(offset + 42),
    });
    offset = next;
  }
  return { entries };
}

/** Where an entry's compressed bytes start: after its local header, whose lengths may differ from the directory's. */
function dataStart(bytes: Buffer, localOffset: number): number | null {
  if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL) return null;
  return localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
}

/**
 * Lines of a large text file, or of the text entries of a .zip, streamed: GeoNames'
 * allCountries.zip unpacks to 1.5 GB, which must never sit in memory whole. The zip reader is
 * Node's zlib over the archive's central directory (stored and deflated entries, zip64 sizes);
 * no dependency.
 */
import { createReadStream, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** End-of-central-directory record: 22 bytes plus a comment of up to 65,535. */
const EOCD_MAX = 22 + 65_535;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

/** One file inside a zip archive. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/**
 * The lines of `path` (a text file, or every entry of a .zip that `pick` accepts), without
 * their line ends. Yields one entry's lines after another.
 */
export async function* textLines(path: string, pick: (entry: string) => boolean = () => true): AsyncGenerator<string> {
  const streams = /\.zip$/i.test(path) ? zipEntries(path).filter((e) => pick(e.name)).map((e) => () => openZipEntry(path, e)) : [() => createReadStream(path)];
  for (const open of streams) {
    const lines = createInterface({ input: open(), crlfDelay: Infinity });
    for await (const line of lines) yield line;
  }
}

/** The entries of a zip archive, read from its central directory. */
export function zipEntries(path: string): ZipEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, EOCD_MAX);
    const tail = read(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === SIG_EOCD) { eocd = i; break; }
    if (eocd < 0) throw new Error(`${path}: not a zip archive (no end of central directory)`);
    let count = tail.readUInt16LE(eocd + 10);
    let dirSize = tail.readUInt32LE(eocd + 12);
    let dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || count === 0xffff) {
      const at = eocd - 20;
      if (at < 0 || tail.readUInt32LE(at) !== SIG_ZIP64_LOCATOR) throw new Error(`${path}: zip64 locator missing`);
      const rec = read(fd, Number(tail.readBigUInt64LE(at + 8)), 56);
      if (rec.readUInt32LE(0) !== SIG_ZIP64_EOCD) throw new Error(`${path}: zip64 end record missing`);
      count = Number(rec.readBigUInt64LE(32));
      dirSize = Number(rec.readBigUInt64LE(40));
      dirOffset = Number(rec.readBigUInt64LE(48));
    }
    const dir = read(fd, dirOffset, dirSize);
    const entries: ZipEntry[] = [];
    for (let p = 0, n = 0; n < count && p + 46 <= dir.length; n++) {
      if (dir.readUInt32LE(p) !== SIG_CENTRAL) throw new Error(`${path}: bad central directory entry ${n}`);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      let compressedSize = dir.readUInt32LE(p + 20);
      let uncompressed = dir.readUInt32LE(p + 24);
      let offset = dir.readUInt32LE(p + 42);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      // Zip64 extra field (0x0001): the 64-bit values of whichever fields read 0xffffffff, in this order.
      for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; ) {
        const id = dir.readUInt16LE(x);
        const len = dir.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          const next = () => { const v = Number(dir.readBigUInt64LE(q)); q += 8; return v; };
          if (uncompressed === 0xffffffff) uncompressed = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (offset === 0xffffffff) offset = next();
        }
        x += 4 + len;
      }
      entries.push({ name, method: dir.readUInt16LE(p + 10), compressedSize, offset });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** A stream of one entry's uncompressed bytes. */
function openZipEntry(path: string, entry: ZipEntry): Readable {
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
    throw new Error(`${path}: ${entry.name} uses compression method ${entry.method} (only stored and deflate are read)`);
  }
  const fd = openSync(path, 'r');
  let header: Buffer;
  try {
    header = read(fd, entry.offset, 30);
  } finally {
    closeSync(fd);
  }
  if (header.readUInt32LE(0) !== SIG_LOCAL) throw new Error(`${path}: bad local header for ${entry.name}`);
  const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  if (entry.method === METHOD_STORED) return raw;
  const inflate = createInflateRaw();
  raw.on('error', (e) => inflate.destroy(e));
  return raw.pipe(inflate);
}

function read(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}

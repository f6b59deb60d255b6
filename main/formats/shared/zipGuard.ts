import { ApiError } from '../../../common/api';
import yauzl from 'yauzl';
import { formatMegabytes } from './decodeText';
import { maxExpandedBytes } from './expansionLimits';

/**
 * Opening zip archives from outside (a .docx is one) without being hurt by them. A zip bomb expands a
 * small file into gigabytes; the guard reads the central directory first and refuses archives with too
 * many entries, too much declared content or an absurd compression ratio, then inflates every entry with
 * yauzl checking that no entry yields more than its directory claims, and counts the bytes that actually come
 * out against the same total, so a lying directory is caught too.
 * Whatever reads the archive afterwards therefore inflates no more than the limits allow.
 */

/** How much an archive may hold before it is refused. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  // Uncompressed size over compressed size of one entry, checked for entries over `ratioCheckFromBytes`.
  maxRatio: number;
  ratioCheckFromBytes: number;
}

/**
 * Limits for Word documents: real ones hold dozens of parts, compress XML about 10:1, and images hardly at
 * all. Their total is the one limit on expanded content (expansionLimits.ts).
 */
export const docxZipLimits: ZipLimits = { maxEntries: 1000, maxTotalBytes: maxExpandedBytes, maxRatio: 200, ratioCheckFromBytes: 1024 * 1024 };

function refuse(what: string, problem: string): ApiError {
  return new ApiError('invalid_file', `${what} ${problem}, so it was not imported.`);
}

function openZip(what: string, bytes: Uint8Array): Promise<yauzl.ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zipFile) => {
      if (error) reject(refuse(what, `is not a readable zip archive (${error.message})`));
      else resolve(zipFile);
    });
  });
}

function checkEntry(what: string, entry: yauzl.Entry, limits: ZipLimits, declaredSoFar: number): void {
  if (entry.isEncrypted()) throw refuse(what, 'is encrypted');
  if (declaredSoFar > limits.maxTotalBytes) {
    throw refuse(what, `would expand to more than ${formatMegabytes(limits.maxTotalBytes)} when unzipped (a "zip bomb")`);
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > limits.ratioCheckFromBytes && ratio > limits.maxRatio) {
    throw refuse(what, `holds a part (${entry.fileName}) compressed ${Math.round(ratio)} to 1, far beyond real documents (a "zip bomb")`);
  }
}

// What has come out of the archive so far, counted as the bytes arrive, whatever the directory claimed.
interface InflatedSoFar {
  bytes: number;
}

function tooLarge(what: string, limits: ZipLimits): ApiError {
  return refuse(what, `would expand to more than ${formatMegabytes(limits.maxTotalBytes)} when unzipped (a "zip bomb")`);
}

// Inflates one entry, keeping its bytes only when `keep` says so, and stops the moment the archive's actual
// output passes the limit: a directory that lies about sizes is caught before the memory is spent.
function readEntry(what: string, zipFile: yauzl.ZipFile, entry: yauzl.Entry, limits: ZipLimits, inflated: InflatedSoFar, keep: boolean): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    zipFile.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(refuse(what, `has a part that cannot be unzipped (${entry.fileName}: ${error.message})`));
        return;
      }
      const chunks: Buffer[] = [];
      let failed = false;
      stream.on('data', (chunk: Buffer) => {
        inflated.bytes += chunk.length;
        if (inflated.bytes > limits.maxTotalBytes && !failed) {
          failed = true;
          stream.destroy();
          reject(tooLarge(what, limits));
          return;
        }
        if (keep) chunks.push(chunk);
      });
      // yauzl fails the stream as soon as an entry yields more bytes than the directory declared.
      stream.on('error', (streamError: Error) => {
        if (!failed) reject(refuse(what, `has a part that does not unzip to its declared size (${entry.fileName}: ${streamError.message})`));
        failed = true;
      });
      stream.on('end', () => {
        if (!failed) resolve(keep ? Buffer.concat(chunks) : null);
      });
    });
  });
}

/**
 * Reads a zip archive within `limits`, returning the contents of the entries `keep` selects by name.
 * Every entry is inflated once, so an archive that passes can be handed to another reader safely.
 * Refuses with an 'invalid_file' ApiError naming `what` when the archive is unreadable or a bomb.
 */
export async function readGuardedZip(
  what: string,
  bytes: Uint8Array,
  limits: ZipLimits,
  keep: (entryName: string) => boolean,
): Promise<Map<string, Buffer>> {
  const zipFile = await openZip(what, bytes);
  if (zipFile.entryCount > limits.maxEntries) throw refuse(what, `has ${zipFile.entryCount} entries, more than the ${limits.maxEntries} a document can have`);
  const kept = new Map<string, Buffer>();
  let declared = 0;
  const inflated: InflatedSoFar = { bytes: 0 };
  const inflate = async (entry: yauzl.Entry): Promise<void> => {
    if (entry.fileName.endsWith('/')) return;
    declared += entry.uncompressedSize;
    checkEntry(what, entry, limits, declared);
    const wanted = keep(entry.fileName);
    const content = await readEntry(what, zipFile, entry, limits, inflated, wanted);
    if (wanted && content) kept.set(entry.fileName, content);
  };
  return new Promise((resolve, reject) => {
    zipFile.on('error', (error: Error) => reject(refuse(what, `is not a readable zip archive (${error.message})`)));
    zipFile.on('end', () => resolve(kept));
    zipFile.on('entry', (entry: yauzl.Entry) => inflate(entry).then(() => zipFile.readEntry(), reject));
    zipFile.readEntry();
  });
}

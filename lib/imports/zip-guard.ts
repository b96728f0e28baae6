import "server-only";
import { inflateRawSync } from "node:zlib";

/**
 * The zip-bomb guard of the uploads that are zip archives (.xlsx, .docx). JSZip (under exceljs
 * and mammoth) inflates a whole entry into memory before anyone can look at it, and the sizes a
 * zip's central directory claims are whatever its maker wrote. So before either library sees the
 * bytes, every entry is inflated here, with zlib told to stop past what is left of the budget:
 * what counts is the output, never a claimed size. Offsets are checked to lie inside the file.
 *
 * Only plain zips pass: one central directory that ends where the end record starts (nothing
 * prepended, no ZIP64), entries stored or deflated, none encrypted — what Office and WPS write.
 */

export interface ZipLimits {
  /** What all entries may inflate to, together (bytes). */
  maxUnpackedBytes: number;
  /** Entries the archive may hold. */
  maxEntries: number;
}

/** `ok`; `unreadable`: no plain zip; `tooLarge`: past a limit (checked before inflating more). */
export type ZipVerdict = "ok" | "unreadable" | "tooLarge";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Checks an archive against the limits without trusting the sizes it claims. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits): ZipVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  // The end record: 22 bytes and a comment of at most 65535; the last signature, as JSZip finds it.
  let end = -1;
  for (let i = bytes.length - 4; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0 || end + 22 > bytes.length) return "unreadable";
  const count = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryStart = u32(end + 16);
  if (count === 0xffff || directoryStart === 0xffffffff) return "unreadable"; // ZIP64
  if (count > limits.maxEntries) return "tooLarge";
  if (directoryStart + directorySize !== end) return "unreadable";

  let budget = limits.maxUnpackedBytes;
  let offset = directoryStart;
  let entries = 0;
  while (offset < end) {
    if (offset + 46 > end || u32(offset) !== CENTRAL_FILE_HEADER) return "unreadable";
    if (++entries > limits.maxEntries) return "tooLarge";
    const flags = u16(offset + 8);
    const method = u16(offset + 10);
    const compressedSize = u32(offset + 20);
    const localHeader = u32(offset + 42);
    offset += 46 + u16(offset + 28) + u16(offset + 30) + u16(offset + 32);
    if (flags & 1) return "unreadable"; // encrypted

    if (localHeader + 30 > bytes.length || u32(localHeader) !== LOCAL_FILE_HEADER) {
      return "unreadable";
    }
    const dataStart = localHeader + 30 + u16(localHeader + 26) + u16(localHeader + 28);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > bytes.length) return "unreadable";

    if (method === STORED) {
      budget -= compressedSize;
      if (budget < 0) return "tooLarge";
    } else if (method === DEFLATED) {
      let inflated: Buffer;
      try {
        inflated = inflateRawSync(bytes.subarray(dataStart, dataEnd), {
          // zlib stops, and throws, once the output would pass this.
          maxOutputLength: Math.max(1, budget),
        });
      } catch (error) {
        const code = (error as { code?: string }).code;
        return code === "ERR_BUFFER_TOO_LARGE" ? "tooLarge" : "unreadable";
      }
      budget -= inflated.byteLength;
      if (budget < 0) return "tooLarge";
    } else {
      return "unreadable";
    }
  }
  if (offset !== end || entries !== count) return "unreadable";
  return "ok";
}

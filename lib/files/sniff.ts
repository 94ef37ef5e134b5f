/**
 * Content sniffing by magic numbers. The declared `Content-Type` of an upload is the client's
 * claim; after the upload completes we read the object's first bytes and check the claim, so an
 * HTML page declared as `image/png` (or anything else we would later serve) is caught.
 */
import { normalizeContentType } from "./policy";

/** How many leading bytes to read for sniffing (enough for ftyp brand lists and a text sample). */
export const SNIFF_BYTE_COUNT = 4096;

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, end));

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const AVIF_BRANDS = new Set(["avif", "avis"]);
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"]);
const MP4_BRANDS = new Set([
  "isom",
  "iso2",
  "iso3",
  "iso4",
  "iso5",
  "iso6",
  "iso8",
  "iso9",
  "mp41",
  "mp42",
  "mp71",
  "avc1",
  "dash",
  "mmp4",
  "msnv",
  "f4v ",
  "m4v ",
  "m4vh",
  "m4vp",
  "3gp4",
  "3gp5",
  "3gp6",
]);

/** Brands of an ISO-BMFF `ftyp` box (major brand first), or null when there is no such box. */
function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 12 || ascii(bytes, 4, 8) !== "ftyp") return null;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(Math.max(boxSize, 16), bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  // bytes 12..16 are the minor version; compatible brands follow in 4-byte groups.
  for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(bytes, i, i + 4));
  return brands.map((b) => b.toLowerCase());
}

function sniffFtyp(bytes: Uint8Array): string | null {
  const brands = ftypBrands(bytes);
  if (!brands) return null;
  if (brands.some((b) => AVIF_BRANDS.has(b))) return "image/avif";
  if (brands.some((b) => HEIC_BRANDS.has(b))) return "image/heic";
  if (brands[0] === "qt  ") return "video/quicktime";
  if (brands.some((b) => MP4_BRANDS.has(b))) return "video/mp4";
  return null;
}

// WHATWG MIME Sniffing §7.1 "HTML" patterns: a tag name followed by a space or '>'.
const HTML_LEADING_TAGS = [
  "!doctype html",
  "html",
  "head",
  "script",
  "iframe",
  "h1",
  "div",
  "font",
  "table",
  "a",
  "style",
  "title",
  "b",
  "body",
  "br",
  "p",
  "!--",
];
// Markup that must not appear anywhere in the sample of a file we call plain text.
const ACTIVE_MARKUP = /<\s*(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg|meta|base|frameset)\b|<\?xml/i;

/** Decodes the sample as UTF-8; null if it is not valid UTF-8 (a cut multi-byte tail is tolerated). */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

function sniffMarkup(bytes: Uint8Array): string | null {
  let text = decodeUtf8(bytes);
  if (text === null) {
    // UTF-16 pages are still pages; look at them without the NULs.
    text = ascii(bytes, 0, Math.min(bytes.length, 1024)).replace(/\0/g, "");
  }
  const head = text.replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (head.startsWith("<?xml")) {
    return /<svg[\s>]/.test(head) ? "image/svg+xml" : "application/xml";
  }
  if (/^<svg[\s>]/.test(head)) return "image/svg+xml";
  for (const tag of HTML_LEADING_TAGS) {
    const prefix = `<${tag}`;
    if (head.startsWith(prefix)) {
      const next = head.charAt(prefix.length);
      if (next === " " || next === ">" || next === "\t" || next === "\n" || next === "\r" || tag === "!--") {
        return "text/html";
      }
    }
  }
  if (/<svg[\s>]/.test(head)) return "image/svg+xml";
  if (/<\s*(?:!doctype\s+html|html|script|iframe|body)\b/.test(head)) return "text/html";
  return null;
}

/**
 * Detects a content type from the first bytes of a file: jpeg, png, gif, webp, avif/heic, pdf,
 * mp4/quicktime, zip, plus `text/html`, `image/svg+xml` and `application/xml` markup, and
 * `text/plain` for valid UTF-8 without NUL bytes. Returns null when nothing matches.
 */
export function sniffContentType(firstBytes: Uint8Array): string | null {
  const b = firstBytes;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (b.length >= 6 && (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a")) return "image/gif";
  if (b.length >= 12 && ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") return "image/webp";
  if (b.length >= 5 && ascii(b, 0, 5) === "%PDF-") return "application/pdf";
  if (
    startsWith(b, [0x50, 0x4b, 0x03, 0x04]) ||
    startsWith(b, [0x50, 0x4b, 0x05, 0x06]) ||
    startsWith(b, [0x50, 0x4b, 0x07, 0x08])
  ) {
    return "application/zip";
  }
  const ftyp = sniffFtyp(b);
  if (ftyp) return ftyp;
  const markup = sniffMarkup(b);
  if (markup) return markup;
  if (b.length > 0 && !b.includes(0) && decodeUtf8(b) !== null) return "text/plain";
  return null;
}

/** True when the sample is UTF-8 text without NULs and without active markup (HTML/SVG/XML). */
export function isSafePlainText(firstBytes: Uint8Array): boolean {
  if (firstBytes.includes(0)) return false;
  const text = decodeUtf8(firstBytes);
  if (text === null) return false;
  return sniffMarkup(firstBytes) === null && !ACTIVE_MARKUP.test(text);
}

const MARKUP_TYPES = new Set(["text/html", "image/svg+xml", "application/xml"]);

/**
 * Checks the client's declared content type against the file's first bytes.
 * Binary types must sniff to exactly the declared type; `text/plain` and `text/csv` must be
 * valid UTF-8 with no NUL bytes and no HTML/SVG/XML markup. Unknown declared types and markup
 * (even when declared honestly as `text/html`) never match.
 */
export function matchesDeclaredType(declared: string, firstBytes: Uint8Array): boolean {
  const type = normalizeContentType(declared);
  if (type === "text/plain" || type === "text/csv") {
    return firstBytes.length === 0 || isSafePlainText(firstBytes);
  }
  const sniffed = sniffContentType(firstBytes);
  if (sniffed === null || sniffed === "text/plain" || MARKUP_TYPES.has(sniffed)) return false;
  return sniffed === type;
}

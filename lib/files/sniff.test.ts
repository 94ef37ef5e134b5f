import { describe, expect, it } from "vitest";
import { isSafePlainText, matchesDeclaredType, sniffContentType } from "./sniff";

const enc = new TextEncoder();
const bytes = (...parts: Array<string | number[]>): Uint8Array => {
  const chunks = parts.map((p) => (typeof p === "string" ? enc.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
};
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
/** An ISO-BMFF `ftyp` box: size, "ftyp", major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) =>
  bytes(u32(16 + 4 * compatible.length), "ftyp", major, u32(0), compatible.join(""), u32(8), "mdat");

// Tiny fixtures with real magic numbers.
const FIXTURES: Record<string, Uint8Array> = {
  "image/jpeg": bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF", [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  "image/png": bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], u32(13), "IHDR", u32(1), u32(1), [8, 6, 0, 0, 0]),
  "image/gif": bytes("GIF89a", [1, 0, 1, 0, 0x80, 0, 0]),
  "image/webp": bytes("RIFF", [0x24, 0, 0, 0], "WEBP", "VP8 ", [0x18, 0, 0, 0]),
  "image/avif": ftyp("avif", "avif", "mif1", "miaf", "MA1B"),
  "application/pdf": bytes("%PDF-1.7\n%", [0xe2, 0xe3, 0xcf, 0xd3], "\n1 0 obj\n"),
  "video/mp4": ftyp("isom", "isom", "iso2", "avc1", "mp41"),
  "application/zip": bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], "mimetype"),
  "text/plain": bytes("Olá, surfista! Prancha 6'2\" com quilhas — ótima pra ondas médias.\n"),
  "text/csv": bytes("sku;nome;preço\nOW-001;Prancha Fish 5'8\";1999,90\n"),
};

const HTML_PAGE = bytes("<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>");

describe("sniffContentType", () => {
  it("recognises every allowed binary type by its magic number", () => {
    for (const [type, sample] of Object.entries(FIXTURES)) {
      const expected = type === "text/csv" ? "text/plain" : type;
      expect(sniffContentType(sample), type).toBe(expected);
    }
  });

  it("tells AVIF, HEIC, MP4 and QuickTime ftyp brands apart", () => {
    expect(sniffContentType(ftyp("mif1", "mif1", "avif"))).toBe("image/avif");
    expect(sniffContentType(ftyp("avis", "avis", "msf1"))).toBe("image/avif");
    expect(sniffContentType(ftyp("heic", "mif1", "heic"))).toBe("image/heic");
    expect(sniffContentType(ftyp("mp42", "mp42", "isom"))).toBe("video/mp4");
    expect(sniffContentType(ftyp("qt  ", "qt  "))).toBe("video/quicktime");
  });

  it("detects HTML, SVG and XML text", () => {
    expect(sniffContentType(HTML_PAGE)).toBe("text/html");
    expect(sniffContentType(bytes([0xef, 0xbb, 0xbf], "  \n\t<HTML lang=pt-BR><p>oi"))).toBe("text/html");
    expect(sniffContentType(bytes("<!-- comment --><div>x</div>"))).toBe("text/html");
    expect(sniffContentType(bytes("<p>Promoção</p>"))).toBe("text/html");
    expect(sniffContentType(bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBe("image/svg+xml");
    expect(sniffContentType(bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe(
      "image/svg+xml",
    );
    expect(sniffContentType(bytes('<?xml version="1.0"?><rss></rss>'))).toBe("application/xml");
  });

  it("returns null for unknown binary data", () => {
    expect(sniffContentType(bytes([0x00, 0x01, 0x02, 0xfe, 0xff]))).toBeNull();
    expect(sniffContentType(new Uint8Array(0))).toBeNull();
  });
});

describe("matchesDeclaredType", () => {
  it("accepts real magic bytes for each allowed type", () => {
    for (const [type, sample] of Object.entries(FIXTURES)) {
      expect(matchesDeclaredType(type, sample), type).toBe(true);
    }
    expect(matchesDeclaredType("Image/PNG; foo=bar", FIXTURES["image/png"]!)).toBe(true);
  });

  it("catches an HTML page declared as image/png", () => {
    expect(matchesDeclaredType("image/png", HTML_PAGE)).toBe(false);
    expect(matchesDeclaredType("image/png", bytes("<svg onload=alert(1)>"))).toBe(false);
  });

  it("catches one binary type declared as another", () => {
    expect(matchesDeclaredType("image/jpeg", FIXTURES["image/png"]!)).toBe(false);
    expect(matchesDeclaredType("image/avif", FIXTURES["video/mp4"]!)).toBe(false);
    expect(matchesDeclaredType("application/pdf", FIXTURES["application/zip"]!)).toBe(false);
    expect(matchesDeclaredType("image/png", FIXTURES["text/plain"]!)).toBe(false);
  });

  it("never matches types we do not sniff", () => {
    expect(matchesDeclaredType("application/octet-stream", FIXTURES["application/zip"]!)).toBe(false);
    expect(matchesDeclaredType("text/html", HTML_PAGE)).toBe(false);
  });

  it("requires text/plain and text/csv to be UTF-8 without NULs and without markup", () => {
    expect(matchesDeclaredType("text/plain", HTML_PAGE)).toBe(false);
    expect(matchesDeclaredType("text/csv", bytes("a;b\n1;<script>alert(1)</script>\n"))).toBe(false);
    expect(matchesDeclaredType("text/plain", bytes("linha 1\n<svg/onload=alert(1)>"))).toBe(false);
    expect(matchesDeclaredType("text/plain", bytes("abc", [0], "def"))).toBe(false);
    expect(matchesDeclaredType("text/plain", bytes([0x61, 0xc3, 0x28, 0x62]))).toBe(false);
    expect(matchesDeclaredType("text/plain", FIXTURES["image/png"]!)).toBe(false);
    // Comparisons like "a < b" are fine.
    expect(matchesDeclaredType("text/csv", bytes("preco;cond\n10;a < b\n"))).toBe(true);
  });

  it("tolerates a multi-byte character cut by the sample boundary", () => {
    const text = enc.encode("Prancha média");
    const cut = text.subarray(0, text.length - 4); // "…m" + first byte of "é"
    expect(isSafePlainText(cut)).toBe(true);
    expect(matchesDeclaredType("text/plain", cut)).toBe(true);
  });
});

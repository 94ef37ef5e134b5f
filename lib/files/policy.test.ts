import { describe, expect, it } from "vitest";
import { checkUpload, isAllowedType, normalizeContentType, sanitizeFilename, UPLOAD_RULES } from "./policy";

const MiB = 1024 * 1024;

function problemKinds(result: ReturnType<typeof checkUpload>): string[] {
  return result.ok ? [] : result.problems.map((p) => p.kind);
}

describe("checkUpload: sizes (413)", () => {
  it("accepts a product image within 10 MB and refuses one byte more", () => {
    const ok = checkUpload({ purpose: "product-image", contentType: "image/jpeg", size: 10 * MiB, filename: "prancha.jpg" });
    expect(ok).toMatchObject({ ok: true, purpose: "product-image", contentType: "image/jpeg", size: 10 * MiB });

    const big = checkUpload({ purpose: "product-image", contentType: "image/jpeg", size: 10 * MiB + 1, filename: "prancha.jpg" });
    expect(big).toMatchObject({ ok: false, status: 413 });
    expect(big.ok ? undefined : big.problems[0]).toMatchObject({ kind: "too-large", maxBytes: 10 * MiB });
    expect(big.ok ? "" : big.problems[0]!.message).toBe("O arquivo excede o limite de 10 MB.");
  });

  it("allows digital goods up to 2 GB", () => {
    const limit = UPLOAD_RULES["digital-good"].maxBytes;
    expect(limit).toBe(2 * 1024 * MiB);
    expect(checkUpload({ purpose: "digital-good", contentType: "video/mp4", size: limit, filename: "aula.mp4" }).ok).toBe(true);
    const over = checkUpload({ purpose: "digital-good", contentType: "video/mp4", size: limit + 1, filename: "aula.mp4" });
    expect(over).toMatchObject({ ok: false, status: 413 });
    expect(over.ok ? "" : over.problems[0]!.message).toBe("O arquivo excede o limite de 2 GB.");
  });

  it("defaults to user-file (250 MB)", () => {
    expect(checkUpload({ contentType: "application/pdf", size: 250 * MiB, filename: "a.pdf" })).toMatchObject({
      ok: true,
      purpose: "user-file",
    });
    expect(checkUpload({ contentType: "application/pdf", size: 250 * MiB + 1, filename: "a.pdf" })).toMatchObject({
      ok: false,
      status: 413,
    });
  });

  it("refuses empty, negative and fractional sizes with 422", () => {
    for (const size of [0, -1, 1.5, Number.NaN]) {
      const r = checkUpload({ contentType: "text/plain", size, filename: "a.txt" });
      expect(r).toMatchObject({ ok: false, status: 422 });
      expect(problemKinds(r)).toEqual(["bad-size"]);
    }
    const empty = checkUpload({ contentType: "text/plain", size: 0, filename: "a.txt" });
    expect(empty.ok ? "" : empty.problems[0]!.message).toBe("O arquivo está vazio.");
  });
});

describe("checkUpload: types (415)", () => {
  it("applies each purpose's allow-list", () => {
    expect(checkUpload({ purpose: "product-image", contentType: "image/gif", size: 10, filename: "a.gif" })).toMatchObject({
      ok: false,
      status: 415,
    });
    expect(checkUpload({ purpose: "user-file", contentType: "image/gif", size: 10, filename: "a.gif" }).ok).toBe(true);
    expect(checkUpload({ purpose: "digital-good", contentType: "image/png", size: 10, filename: "a.png" })).toMatchObject({
      ok: false,
      status: 415,
    });
    for (const type of ["image/jpeg", "image/png", "image/webp", "image/avif"]) {
      expect(isAllowedType("product-image", type)).toBe(true);
    }
    for (const type of ["application/pdf", "video/mp4", "application/zip"]) {
      expect(isAllowedType("digital-good", type)).toBe(true);
    }
  });

  it("never accepts active content types, for any purpose", () => {
    const active = [
      "text/html",
      "image/svg+xml",
      "application/xhtml+xml",
      "application/javascript",
      "text/javascript",
      "application/xml",
    ];
    for (const purpose of ["product-image", "digital-good", "user-file"] as const) {
      for (const type of active) {
        const r = checkUpload({ purpose, contentType: type, size: 10, filename: "x" });
        expect(r).toMatchObject({ ok: false, status: 415 });
      }
    }
  });

  it("normalises case and parameters of the declared type", () => {
    expect(normalizeContentType("Text/Plain; charset=UTF-8")).toBe("text/plain");
    expect(checkUpload({ contentType: "IMAGE/PNG", size: 1, filename: "a.png" })).toMatchObject({
      ok: true,
      contentType: "image/png",
    });
  });
});

describe("checkUpload: filenames (422)", () => {
  it("refuses empty names", () => {
    for (const filename of ["", "   ", ".", "..", "../", "a/.."]) {
      const r = checkUpload({ contentType: "text/plain", size: 1, filename });
      expect(r).toMatchObject({ ok: false, status: 422 });
      expect(r.ok ? undefined : r.problems[0]).toMatchObject({ kind: "bad-filename", reason: "empty" });
    }
  });

  it("refuses names longer than 255 characters (code points, not bytes)", () => {
    expect(checkUpload({ contentType: "text/plain", size: 1, filename: "a".repeat(255) }).ok).toBe(true);
    expect(checkUpload({ contentType: "text/plain", size: 1, filename: "ç".repeat(255) }).ok).toBe(true);
    const r = checkUpload({ contentType: "text/plain", size: 1, filename: "a".repeat(256) });
    expect(r.ok ? undefined : r.problems[0]).toMatchObject({ kind: "bad-filename", reason: "too-long", status: 422 });
  });

  it("refuses control characters and bidi overrides", () => {
    for (const filename of ["a\u0000.pdf", "a\nb.pdf", "a\rb.pdf", "a\u007f.pdf", "a\u0085.pdf", "fdp\u202Egnp.exe"]) {
      const r = checkUpload({ contentType: "application/pdf", size: 1, filename });
      expect(r.ok ? undefined : r.problems[0]).toMatchObject({ kind: "bad-filename", reason: "control-chars" });
      expect(r.ok ? "" : r.problems[0]!.message).toBe("O nome do arquivo contém caracteres de controle.");
    }
  });

  it("returns a sanitized display name", () => {
    const cases: Array<[string, string]> = [
      ["../../etc/passwd", "passwd"],
      ["C:\\Users\\ana\\Guia de manobras — básico.pdf", "Guia de manobras — básico.pdf"],
      ['a<b>:"c|d?*.pdf', "a_b___c_d__.pdf"],
      [".bashrc", "bashrc"],
      ["  relatório   final .pdf  ", "relatório final .pdf"],
      ["Cafe\u0301.txt", "Café.txt"],
    ];
    for (const [input, expected] of cases) {
      const r = sanitizeFilename(input);
      expect(r).toEqual({ ok: true, filename: expected });
    }
  });

  it("reports every problem, 422 first", () => {
    const r = checkUpload({ purpose: "product-image", contentType: "text/html", size: 11 * MiB, filename: "" });
    expect(r).toMatchObject({ ok: false, status: 422 });
    expect(problemKinds(r)).toEqual(["bad-filename", "type-not-allowed", "too-large"]);
  });
});

import { describe, expect, it } from "vitest";
import { asciiFallbackFilename, contentDisposition } from "./content-disposition";

/** Reads `filename*=UTF-8''…` back, as a browser would. */
const extendedName = (header: string) => {
  const match = /filename\*=UTF-8''([^;]+)/.exec(header);
  return match ? decodeURIComponent(match[1]!) : undefined;
};

describe("contentDisposition (RFC 6266 / 5987)", () => {
  it("encodes a pt-BR name with an ASCII fallback and filename*", () => {
    const header = contentDisposition("attachment", "Guia de manobras — básico.pdf");
    expect(header).toBe(
      "attachment; filename=\"Guia de manobras - basico.pdf\"; filename*=UTF-8''Guia%20de%20manobras%20%E2%80%94%20b%C3%A1sico.pdf",
    );
    expect(extendedName(header)).toBe("Guia de manobras — básico.pdf");
  });

  it("uses only filename= for plain ASCII names", () => {
    expect(contentDisposition("inline", "tabela-precos.csv")).toBe('inline; filename="tabela-precos.csv"');
  });

  it("keeps quotes, backslashes and percent signs out of the quoted fallback", () => {
    const header = contentDisposition("attachment", 'Prancha 6\'2" 100% \\ (nova)*.pdf');
    expect(header).toContain('filename="Prancha 6\'2_ 100_ _ (nova)*.pdf"');
    // RFC 5987 attr-char excludes ' ( ) *, which encodeURIComponent leaves alone.
    expect(header).toContain("filename*=UTF-8''Prancha%206%272%22%20100%25%20%5C%20%28nova%29%2A.pdf");
    expect(extendedName(header)).toBe('Prancha 6\'2" 100% \\ (nova)*.pdf');
  });

  it("drops CR/LF and other controls (no header injection)", () => {
    const header = contentDisposition("attachment", "a\r\nSet-Cookie: x=1.pdf");
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe('attachment; filename="aSet-Cookie: x=1.pdf"');
  });

  it("returns the bare type without a usable name", () => {
    expect(contentDisposition("inline")).toBe("inline");
    expect(contentDisposition("attachment", " \u0000 ")).toBe("attachment");
  });

  it("normalises decomposed accents before encoding", () => {
    expect(contentDisposition("attachment", "Cafe\u0301.txt")).toBe(
      "attachment; filename=\"Cafe.txt\"; filename*=UTF-8''Caf%C3%A9.txt",
    );
    expect(asciiFallbackFilename("Ação 🏄.jpg")).toBe("Acao _.jpg");
  });
});

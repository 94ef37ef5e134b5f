/**
 * `Content-Disposition` values for downloads, per RFC 6266 with RFC 5987/8187 `filename*` for
 * non-ASCII names (pt-BR names like "Guia de manobras — básico.pdf" are the norm here).
 */

// Controls (incl. CR/LF, so no header injection) and bidi overrides are dropped from both forms.
const UNSAFE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** RFC 5987 `attr-char` encoding: `encodeURIComponent` leaves `'()*` and `!` alone; `'()*` must go. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * ASCII fallback for old clients: accents stripped, dashes kept as `-`, anything else non-printable,
 * `"`, `\` and `%` (some browsers percent-decode `filename=`) replaced by `_`.
 */
export function asciiFallbackFilename(filename: string): string {
  return filename
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[^\x20-\x7e]/gu, "_")
    .replace(/["\\%]/g, "_");
}

/**
 * Builds a `Content-Disposition` header value.
 * `contentDisposition("attachment", "Guia de manobras — básico.pdf")` →
 * `attachment; filename="Guia de manobras - basico.pdf"; filename*=UTF-8''Guia%20de%20manobras%20%E2%80%94%20b%C3%A1sico.pdf`
 */
export function contentDisposition(type: "attachment" | "inline", filename?: string): string {
  const name = filename?.normalize("NFC").replace(UNSAFE, "").trim();
  if (!name) return type;
  const fallback = asciiFallbackFilename(name);
  if (fallback === name) return `${type}; filename="${fallback}"`;
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

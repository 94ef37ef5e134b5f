/**
 * Just enough MIME to read what nodemailer (and most clients) send: folded headers,
 * RFC 2047 encoded words, nested multiparts, quoted-printable / base64 / 7bit / 8bit
 * bodies in any charset TextDecoder knows. Not a general-purpose parser (no
 * RFC 2231 continuations, no message/rfc822 recursion); add `mailparser` if the
 * catcher ever needs that.
 */

export interface MimeAttachment {
  contentType: string;
  filename: string | null;
  size: number;
}

export interface ParsedMime {
  /** Lower-cased header name → decoded values in order of appearance. */
  headers: Map<string, string[]>;
  text: string | null;
  html: string | null;
  attachments: MimeAttachment[];
}

interface ContentType {
  type: string;
  params: Record<string, string>;
}

function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset?.trim() || "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function latin1Bytes(value: string): Buffer {
  return Buffer.from(value, "latin1");
}

function decodeQuotedPrintable(value: string): Buffer {
  const unfolded = value.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < unfolded.length; i++) {
    const char = unfolded.charCodeAt(i);
    if (char === 0x3d && /^[0-9A-Fa-f]{2}$/.test(unfolded.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(unfolded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(char & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeEncodedWord(charset: string, encoding: string, text: string): string {
  const bytes =
    encoding.toUpperCase() === "B"
      ? Buffer.from(text, "base64")
      : decodeQuotedPrintable(text.replace(/_/g, " "));
  // RFC 2231 allows "charset*language".
  return decodeCharset(bytes, charset.split("*")[0]);
}

/** Decodes `=?UTF-8?Q?…?=` / `=?UTF-8?B?…?=` words; whitespace between adjacent words is dropped. */
export function decodeHeaderValue(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, enc: string, text: string) =>
      decodeEncodedWord(charset, enc, text),
    );
}

function parseHeaders(block: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  const lines: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && lines.length > 0) lines[lines.length - 1] += line;
    else if (line) lines.push(line);
  }
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    // Raw 8-bit headers (SMTPUTF8) are UTF-8; encoded words are handled after.
    const value = decodeHeaderValue(latin1Bytes(line.slice(colon + 1).trim()).toString("utf8"));
    const list = headers.get(name) ?? [];
    list.push(value);
    headers.set(name, list);
  }
  return headers;
}

function parseParams(value: string): ContentType {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (char === ";" && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  const params: Record<string, string> = {};
  for (const part of parts.slice(1)) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    params[key] = part.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
  }
  return { type: (parts[0] ?? "").trim().toLowerCase(), params };
}

function splitHeadBody(entity: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(entity);
  if (!match) return { head: entity, body: "" };
  return { head: entity.slice(0, match.index), body: entity.slice(match.index + match[0].length) };
}

function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}--`) {
      if (current) parts.push(current.join("\r\n"));
      current = null;
      break;
    }
    if (trimmed === `--${boundary}`) {
      if (current) parts.push(current.join("\r\n"));
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) parts.push(current.join("\r\n"));
  return parts;
}

function decodeBody(body: string, transferEncoding: string | undefined): Buffer {
  switch (transferEncoding?.trim().toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64");
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    default:
      return latin1Bytes(body);
  }
}

function walk(entity: string, result: ParsedMime, isRoot: boolean): void {
  const { head, body } = splitHeadBody(entity);
  const headers = parseHeaders(head);
  if (isRoot) result.headers = headers;
  const contentType = parseParams(headers.get("content-type")?.[0] ?? "text/plain; charset=us-ascii");
  const disposition = parseParams(headers.get("content-disposition")?.[0] ?? "inline");

  if (contentType.type.startsWith("multipart/") && contentType.params.boundary) {
    for (const part of splitMultipart(body, contentType.params.boundary)) walk(part, result, false);
    return;
  }
  const bytes = decodeBody(body, headers.get("content-transfer-encoding")?.[0]);
  const isAttachment = disposition.type === "attachment";
  if (!isAttachment && contentType.type === "text/plain" && result.text === null) {
    result.text = decodeCharset(bytes, contentType.params.charset);
  } else if (!isAttachment && contentType.type === "text/html" && result.html === null) {
    result.html = decodeCharset(bytes, contentType.params.charset);
  } else {
    result.attachments.push({
      contentType: contentType.type,
      filename: disposition.params.filename ?? contentType.params.name ?? null,
      size: bytes.length,
    });
  }
}

/** Parses one RFC 5322 message as received in SMTP DATA (already dot-unstuffed). */
export function parseMime(raw: Uint8Array): ParsedMime {
  const result: ParsedMime = { headers: new Map(), text: null, html: null, attachments: [] };
  walk(Buffer.from(raw).toString("latin1"), result, true);
  return result;
}

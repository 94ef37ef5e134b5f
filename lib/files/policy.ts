/**
 * Upload rules per purpose: which content types are accepted, how large a file may be, and what a
 * display filename may look like. Pure functions, no I/O: the upload route calls `checkUpload`
 * before presigning, and the completion step re-checks the stored object (size + magic bytes).
 */

/** What an upload is for; decides the allow-list and the size limit. */
export type UploadPurpose = "product-image" | "digital-good" | "user-file";

/** The purpose used when the caller does not name one. */
export const DEFAULT_UPLOAD_PURPOSE: UploadPurpose = "user-file";

/** Limits for one purpose. */
export interface UploadRule {
  /** Lower-case MIME types without parameters. */
  readonly allowedTypes: readonly string[];
  /** Inclusive maximum size in bytes. */
  readonly maxBytes: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * Types that a browser may render as active content from our storage origin. They are never
 * accepted, whatever a purpose's allow-list says (defence in depth against a bad edit).
 */
export const FORBIDDEN_TYPES: readonly string[] = [
  "text/html",
  "application/xhtml+xml",
  "image/svg+xml",
  "text/xml",
  "application/xml",
  "text/javascript",
  "application/javascript",
  "application/ecmascript",
  "text/ecmascript",
  "application/x-javascript",
  "application/wasm",
];

/** Allow-lists and size limits (binary units: 10 MB = 10 MiB). */
export const UPLOAD_RULES: Readonly<Record<UploadPurpose, UploadRule>> = {
  "product-image": {
    allowedTypes: ["image/jpeg", "image/png", "image/webp", "image/avif"],
    maxBytes: 10 * MiB,
  },
  "digital-good": {
    allowedTypes: ["application/pdf", "video/mp4", "application/zip"],
    maxBytes: 2 * GiB,
  },
  "user-file": {
    allowedTypes: [
      "image/jpeg",
      "image/png",
      "image/webp",
      "image/avif",
      "image/gif",
      "application/pdf",
      "video/mp4",
      "application/zip",
      "text/plain",
      "text/csv",
    ],
    maxBytes: 250 * MiB,
  },
};

/** Longest display filename accepted, in characters (Unicode code points). */
export const MAX_FILENAME_LENGTH = 255;

/** Why a filename was refused. */
export type FilenameProblemReason = "empty" | "too-long" | "control-chars";

/** One reason to refuse an upload, with the HTTP status the API should answer. */
export type UploadProblem =
  | { kind: "too-large"; status: 413; message: string; maxBytes: number }
  | { kind: "type-not-allowed"; status: 415; message: string; allowedTypes: readonly string[] }
  | { kind: "bad-filename"; status: 422; message: string; reason: FilenameProblemReason }
  | { kind: "bad-size"; status: 422; message: string };

/** Result of `checkUpload`. */
export type UploadCheck =
  | {
      ok: true;
      purpose: UploadPurpose;
      /** Normalised content type (lower case, no parameters). */
      contentType: string;
      size: number;
      /** Safe display name (basename only, no reserved characters); never used in object keys. */
      filename: string;
    }
  | {
      ok: false;
      /** Status of the first problem: 422 (filename/size) before 415 (type) before 413 (size). */
      status: 413 | 415 | 422;
      problems: UploadProblem[];
    };

/** Input of `checkUpload`, as declared by the client. */
export interface UploadRequest {
  purpose?: UploadPurpose | undefined;
  contentType: string;
  size: number;
  filename: string;
}

/** Lower-cases a MIME type and drops parameters (`Text/Plain; charset=utf-8` → `text/plain`). */
export function normalizeContentType(contentType: string): string {
  return contentType.split(";")[0]!.trim().toLowerCase();
}

/** The rule for a purpose (`user-file` when none is given). */
export function uploadRuleFor(purpose: UploadPurpose | undefined): UploadRule {
  return UPLOAD_RULES[purpose ?? DEFAULT_UPLOAD_PURPOSE];
}

/** True when `contentType` may be uploaded for `purpose`. */
export function isAllowedType(purpose: UploadPurpose | undefined, contentType: string): boolean {
  const type = normalizeContentType(contentType);
  if (FORBIDDEN_TYPES.includes(type)) return false;
  return uploadRuleFor(purpose).allowedTypes.includes(type);
}

// C0/C1 controls and DEL, plus bidi overrides/isolates used to disguise extensions ("fdp.exe").
const CONTROL_CHARS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// Characters reserved on common filesystems or meaningful in headers.
const RESERVED_CHARS = /[<>:"/\\|?*]/g;

/**
 * Validates a client-supplied filename and returns the safe display name, or the problem.
 * The name is never used to build storage keys; this only keeps it printable and short.
 */
export function sanitizeFilename(
  filename: string,
): { ok: true; filename: string } | { ok: false; problem: Extract<UploadProblem, { kind: "bad-filename" }> } {
  const bad = (reason: FilenameProblemReason, message: string) =>
    ({ ok: false, problem: { kind: "bad-filename", status: 422, reason, message } }) as const;

  if (CONTROL_CHARS.test(filename)) {
    return bad("control-chars", "O nome do arquivo contém caracteres de controle.");
  }
  if ([...filename].length > MAX_FILENAME_LENGTH) {
    return bad("too-long", `O nome do arquivo pode ter no máximo ${MAX_FILENAME_LENGTH} caracteres.`);
  }
  const basename = filename.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = basename
    .replace(RESERVED_CHARS, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+/, "")
    .replace(/[\s.]+$/, "");
  if (cleaned.length === 0) {
    return bad("empty", "Informe o nome do arquivo.");
  }
  return { ok: true, filename: cleaned };
}

function formatBytes(bytes: number): string {
  if (bytes >= GiB && bytes % GiB === 0) return `${bytes / GiB} GB`;
  return `${Math.round(bytes / MiB)} MB`;
}

/**
 * Checks a declared upload against the purpose's rules.
 * Problems map to HTTP 422 (bad filename or size value), 415 (type not allowed), 413 (too large).
 */
export function checkUpload(request: UploadRequest): UploadCheck {
  const purpose = request.purpose ?? DEFAULT_UPLOAD_PURPOSE;
  const rule = uploadRuleFor(purpose);
  const contentType = normalizeContentType(request.contentType);
  const problems: UploadProblem[] = [];

  const name = sanitizeFilename(request.filename);
  if (!name.ok) problems.push(name.problem);

  if (!Number.isSafeInteger(request.size) || request.size <= 0) {
    problems.push({
      kind: "bad-size",
      status: 422,
      message: request.size === 0 ? "O arquivo está vazio." : "Tamanho de arquivo inválido.",
    });
  }

  if (!isAllowedType(purpose, contentType)) {
    problems.push({
      kind: "type-not-allowed",
      status: 415,
      message: "Tipo de arquivo não permitido.",
      allowedTypes: rule.allowedTypes,
    });
  }

  if (Number.isFinite(request.size) && request.size > rule.maxBytes) {
    problems.push({
      kind: "too-large",
      status: 413,
      message: `O arquivo excede o limite de ${formatBytes(rule.maxBytes)}.`,
      maxBytes: rule.maxBytes,
    });
  }

  if (!name.ok || problems.length > 0) {
    return { ok: false, status: problems[0]!.status, problems };
  }
  return { ok: true, purpose, contentType, size: request.size, filename: name.filename };
}

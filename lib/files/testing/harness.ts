/**
 * Test harness for the files feature: a real s3rver on a random port wired into the app's config,
 * and helpers that drive uploads the way the browser and the mobile app do (through the real
 * route handlers, with the bytes posted straight to storage).
 */
import { POST as completeRoute } from "@/app/api/uploads/[fileId]/complete/route";
import { POST as createRoute } from "@/app/api/uploads/route";
import { type S3Emulator, s3EmulatorEnv, startS3Emulator } from "@/emulators/s3";
import { resetConfig } from "@/lib/config";
import { type CallResult, call } from "@/lib/testing/http";
import { resetFileStorage } from "../storage";

export const TEST_ORIGIN = "http://localhost:3000";

/** A complete 1×1 transparent PNG (it decodes: product images are decoded at completion). */
export const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
  0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x09, 0x70, 0x48, 0x59,
  0x73, 0x00, 0x00, 0x03, 0xe8, 0x00, 0x00, 0x03, 0xe8, 0x01, 0xb5, 0x7b, 0x52, 0x6b, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44,
  0x41, 0x54, 0x08, 0xd7, 0x63, 0x60, 0x60, 0x60, 0x60, 0x00, 0x00, 0x00, 0x05, 0x00, 0x01, 0x5e, 0xf3, 0x2a, 0x3a, 0x00,
  0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);
export const PDF = new TextEncoder().encode("%PDF-1.7\n% guia de manobras\n1 0 obj << >> endobj\n%%EOF\n");
export const HTML_PAGE = new TextEncoder().encode("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");

/** Applies env to process.env (undefined deletes) and makes config() and the storage re-read it. */
export function setEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetConfig();
  resetFileStorage();
}

/** Starts s3rver and points the app at it (like scripts/lib/stack.ts does for the dev server). */
export async function startTestStorage(): Promise<S3Emulator> {
  const emulator = await startS3Emulator({ port: 0, corsOrigins: [TEST_ORIGIN] });
  setEnv({ ...s3EmulatorEnv(emulator), CDN_BASE_URL: undefined, CLOUDFRONT_KEY_PAIR_ID: undefined, CLOUDFRONT_PRIVATE_KEY: undefined, CLOUDFRONT_DISTRIBUTION_ID: undefined });
  return emulator;
}

export interface UploadForm {
  method: "POST";
  url: string;
  fields: Record<string, string>;
}

/** What a browser does with the presigned POST: policy fields first, the file as the last field. */
export async function postToStorage(upload: UploadForm, body: Uint8Array, type: string): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(body)], { type }), "ignored.bin");
  const res = await fetch(upload.url, { method: "POST", body: form, headers: { Origin: TEST_ORIGIN } });
  await res.arrayBuffer();
  return res;
}

export interface UploadSpec {
  token: string;
  bytes: Uint8Array;
  contentType: string;
  filename?: string;
  visibility?: "public" | "private";
  purpose?: "product-image" | "digital-good" | "user-file";
}

/** Create → POST to storage → complete; returns the completion answer and the created upload. */
export async function uploadThroughApi(spec: UploadSpec): Promise<{ created: CallResult; completed: CallResult; id: string }> {
  const created = await call(createRoute, {
    token: spec.token,
    path: "/api/uploads",
    body: {
      filename: spec.filename ?? "arquivo.bin",
      contentType: spec.contentType,
      size: spec.bytes.length,
      visibility: spec.visibility ?? "private",
      ...(spec.purpose ? { purpose: spec.purpose } : {}),
    },
  });
  if (created.status !== 201) throw new Error(`create upload: ${created.status} ${created.text}`);
  const stored = await postToStorage(created.json.upload, spec.bytes, spec.contentType);
  if (!stored.ok) throw new Error(`storage POST: ${stored.status}`);
  const id: string = created.json.file.id;
  const completed = await call(completeRoute, { token: spec.token, method: "POST", params: { fileId: id } });
  return { created, completed, id };
}

/** A ready file, or the test fails here. */
export async function readyFile(spec: UploadSpec): Promise<{ id: string; file: Record<string, unknown> }> {
  const { completed, id } = await uploadThroughApi(spec);
  if (completed.status !== 200) throw new Error(`complete: ${completed.status} ${completed.text}`);
  return { id, file: completed.json.file };
}

/** The storage key of a file, straight from the database (the API never shows keys). */
export async function keyOf(id: string): Promise<string> {
  const { getDb, schema } = await import("@/lib/db");
  const { eq } = await import("drizzle-orm");
  const db = await getDb();
  const [row] = await db.select({ key: schema.files.key }).from(schema.files).where(eq(schema.files.id, id));
  if (!row) throw new Error(`no file ${id}`);
  return row.key;
}

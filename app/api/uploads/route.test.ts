/**
 * Uploads against the real S3 protocol (s3rver on a random port) through the real route handlers.
 *
 * s3rver does not enforce POST policy conditions (size range, Content-Type, key) nor verify
 * signatures; real S3 does. So each policy guarantee is proven twice: by decoding the signed
 * policy (what S3 would enforce) and recomputing its SigV4 signature (it cannot be edited), and by
 * showing that the completion check deletes whatever a lenient server let through.
 */
import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { S3Emulator } from "@/emulators/s3";
import { getDb, schema } from "@/lib/db";
import { cleanupPendingUploads } from "@/lib/files/cleanup-pending-uploads";
import { createUpload } from "@/lib/files/create-upload";
import { fileStorage } from "@/lib/files/storage";
import { HTML_PAGE, keyOf, PDF, PNG, postToStorage, startTestStorage, uploadThroughApi } from "@/lib/files/testing/harness";
import { makeUser, type TestUser } from "@/lib/testing/fixtures";
import { call } from "@/lib/testing/http";
import { GET as getFile } from "../files/[id]/route";
import { POST as complete } from "./[fileId]/complete/route";
import { POST as create } from "./route";

let emulator: S3Emulator;
let alice: TestUser;
let bob: TestUser;
let admin: TestUser;

beforeAll(async () => {
  emulator = await startTestStorage();
  [alice, bob, admin] = await Promise.all([makeUser({ name: "Alice" }), makeUser({ name: "Bob" }), makeUser({ role: "admin" })]);
});

afterAll(async () => {
  await emulator?.close();
});

const body = (over: Record<string, unknown> = {}) => ({
  filename: "foto.png",
  contentType: "image/png",
  size: PNG.length,
  visibility: "private",
  ...over,
});

function decodePolicy(fields: Record<string, string>): { expiration: string; conditions: unknown[] } {
  return JSON.parse(Buffer.from(fields.Policy!, "base64").toString("utf8"));
}

/** SigV4 POST-policy signature: HMAC of the base64 policy with the derived signing key. */
function policySignature(fields: Record<string, string>, secret: string): string {
  const [, date, region, service] = fields["X-Amz-Credential"]!.split("/");
  const h = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();
  const signingKey = h(h(h(h(`AWS4${secret}`, date!), region!), service!), "aws4_request");
  return createHmac("sha256", signingKey).update(fields.Policy!).digest("hex");
}

describe("POST /api/uploads", () => {
  it("answers 401 without a caller", async () => {
    expect((await call(create, { body: body() })).status).toBe(401);
  });

  it("records a pending file under a generated key and answers a presigned POST with a strict policy", async () => {
    const before = Date.now();
    const res = await call(create, {
      token: alice.token,
      body: body({ filename: "../../etc/passwd<script>.png", size: 123_456, visibility: "public" }),
    });
    expect(res.status).toBe(201);
    const { file, upload, expiresAt } = res.json;
    expect(file).toMatchObject({ status: "pending", filename: "passwd_script_.png", contentType: "image/png", size: 123_456, visibility: "public", url: null, canManage: true });
    expect(upload.method).toBe("POST");
    expect(upload.url).toBe(`${emulator.endpoint}/${emulator.bucket}`);

    // The key is ours: no trace of the client's name, no traversal, under public/ for a public file.
    const key = await keyOf(file.id);
    expect(key).toMatch(/^public\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.png$/);
    expect(upload.fields.key).toBe(key);
    expect(upload.fields).not.toHaveProperty("acl");

    const policy = decodePolicy(upload.fields);
    expect(policy.conditions).toContainEqual(["content-length-range", 123_456, 123_456]);
    expect(policy.conditions).toContainEqual(["eq", "$Content-Type", "image/png"]);
    expect(policy.conditions).toContainEqual(["eq", "$key", key]);
    expect(policy.conditions).toContainEqual(["eq", "$Cache-Control", "public, max-age=31536000, immutable"]);
    expect(JSON.stringify(policy.conditions)).not.toContain("acl");
    const expiry = Date.parse(policy.expiration);
    expect(Math.abs(expiry - Date.parse(expiresAt))).toBeLessThanOrEqual(1000);
    expect(expiry - before).toBeGreaterThan(14 * 60_000);
    expect(expiry - before).toBeLessThanOrEqual(15 * 60_000 + 2000);

    // The policy is signed: S3 refuses an edited one (e.g. a wider size range). Prove the signature.
    expect(upload.fields["X-Amz-Signature"]).toBe(policySignature(upload.fields, emulator.secretAccessKey));
    const widened = Buffer.from(
      JSON.stringify({ ...policy, conditions: policy.conditions.map((c) => (Array.isArray(c) && c[0] === "content-length-range" ? ["content-length-range", 0, 10 ** 10] : c)) }),
    ).toString("base64");
    expect(policySignature({ ...upload.fields, Policy: widened }, emulator.secretAccessKey)).not.toBe(upload.fields["X-Amz-Signature"]);

    const private_ = await call(create, { token: alice.token, body: body() });
    expect(await keyOf(private_.json.file.id)).toMatch(/^private\/[0-9a-f-]{36}\.png$/);
    expect(decodePolicy(private_.json.upload.fields).conditions).toContainEqual(["eq", "$Cache-Control", "private, max-age=300"]);
  });

  it("answers 415 for types outside the purpose's allow-list, html and svg always", async () => {
    for (const contentType of ["text/html", "image/svg+xml", "application/x-msdownload"]) {
      const res = await call(create, { token: alice.token, body: body({ contentType, filename: "x.html" }) });
      expect(res.status).toBe(415);
      expect(res.json.error.code).toBe("unsupported_media_type");
      expect(res.json.error.message).toBe("Tipo de arquivo não permitido.");
    }
    // A pdf is a fine user file but not a product image.
    const asImage = await call(create, { token: admin.token, body: body({ contentType: "application/pdf", purpose: "product-image", visibility: "public" }) });
    expect(asImage.status).toBe(415);
  });

  it("answers 413 over the purpose's size limit, 422 for an empty file or a bad name", async () => {
    const big = await call(create, { token: alice.token, body: body({ size: 251 * 1024 * 1024 }) });
    expect(big.status).toBe(413);
    expect(big.json.error).toMatchObject({ code: "payload_too_large", message: "O arquivo excede o limite de 250 MB." });
    const bigImage = await call(create, { token: admin.token, body: body({ size: 11 * 1024 * 1024, purpose: "product-image", visibility: "public" }) });
    expect(bigImage.status).toBe(413);
    expect((await call(create, { token: alice.token, body: body({ size: 0 }) })).status).toBe(422);
    expect((await call(create, { token: alice.token, body: body({ filename: "a\u202egnp.exe" }) })).status).toBe(422);
    expect((await call(create, { token: alice.token, body: body({ size: 1.5 }) })).status).toBe(422);
  });

  it("keeps product images and digital goods to admins, and digital goods private", async () => {
    const r1 = await call(create, { token: alice.token, body: body({ purpose: "product-image", visibility: "public" }) });
    expect(r1.status).toBe(403);
    const r2 = await call(create, { token: alice.token, body: body({ purpose: "digital-good", contentType: "application/pdf" }) });
    expect(r2.status).toBe(403);
    const r3 = await call(create, { token: admin.token, body: body({ purpose: "digital-good", contentType: "application/pdf", visibility: "public" }) });
    expect(r3.status).toBe(422);
    expect(r3.json.error.code).toBe("digital_good_must_be_private");
    const ok = await call(create, { token: admin.token, body: body({ purpose: "product-image", visibility: "public" }) });
    expect(ok.status).toBe(201);
  });
});

describe("POST /api/uploads/{fileId}/complete", () => {
  it("marks a well-formed upload ready, with a URL; repeating it is harmless", async () => {
    const { completed, id } = await uploadThroughApi({ token: alice.token, bytes: PNG, contentType: "image/png", filename: "onda.png" });
    expect(completed.status).toBe(200);
    expect(completed.json.file).toMatchObject({ id, status: "ready", size: PNG.length, filename: "onda.png" });
    expect(completed.json.file.completedAt).toBeTruthy();
    expect(completed.json.file.url).toContain(await keyOf(id));
    const again = await call(complete, { token: alice.token, params: { fileId: id } });
    expect(again.status).toBe(200);
    expect(again.json.file.status).toBe("ready");
  });

  it("rejects a body larger than declared (S3 would refuse it; s3rver stores it) and removes it", async () => {
    const res = await call(create, { token: alice.token, body: body({ size: PNG.length }) });
    const key = await keyOf(res.json.file.id);
    const bigger = new Uint8Array([...PNG, ...new Uint8Array(1000)]);
    expect((await postToStorage(res.json.upload, bigger, "image/png")).ok).toBe(true);
    expect((await fileStorage().storage.head(key))?.size).toBe(bigger.length);

    const done = await call(complete, { token: alice.token, params: { fileId: res.json.file.id } });
    expect(done.status).toBe(422);
    expect(done.json.error).toMatchObject({ code: "upload_rejected", details: [{ code: "size-mismatch" }] });
    expect(await fileStorage().storage.head(key)).toBeNull();
    expect((await call(getFile, { token: alice.token, params: { id: res.json.file.id } })).status).toBe(404);
  });

  it("rejects a different content type than declared (S3 would refuse the form) and removes it", async () => {
    const res = await call(create, { token: alice.token, body: body({ size: PNG.length }) });
    const key = await keyOf(res.json.file.id);
    const form = { ...res.json.upload, fields: { ...res.json.upload.fields, "Content-Type": "text/html" } };
    expect((await postToStorage(form, PNG, "text/html")).ok).toBe(true);
    expect((await fileStorage().storage.head(key))?.contentType).toBe("text/html");

    const done = await call(complete, { token: alice.token, params: { fileId: res.json.file.id } });
    expect(done.status).toBe(422);
    expect(done.json.error.details[0].code).toBe("type-mismatch");
    expect(await fileStorage().storage.head(key)).toBeNull();
  });

  it("rejects an HTML page declared as image/png (right size, right header) and removes it", async () => {
    const res = await call(create, { token: alice.token, body: body({ size: HTML_PAGE.length, filename: "gatinho.png" }) });
    const key = await keyOf(res.json.file.id);
    expect((await postToStorage(res.json.upload, HTML_PAGE, "image/png")).ok).toBe(true);
    expect(await fileStorage().storage.head(key)).toMatchObject({ size: HTML_PAGE.length, contentType: "image/png" });

    const done = await call(complete, { token: alice.token, params: { fileId: res.json.file.id } });
    expect(done.status).toBe(422);
    expect(done.json.error).toMatchObject({ code: "upload_rejected", message: "O conteúdo do arquivo não corresponde ao tipo informado. Envie um arquivo válido." });
    expect(await fileStorage().storage.head(key)).toBeNull();
    const db = await getDb();
    const [row] = await db.select().from(schema.files).where(eq(schema.files.id, res.json.file.id));
    expect(row).toMatchObject({ status: "deleted" });
    expect(row!.deletedAt).toBeInstanceOf(Date);
    // Gone for good: a second complete is a 404.
    expect((await call(complete, { token: alice.token, params: { fileId: res.json.file.id } })).status).toBe(404);
  });

  it("leaves an upload whose bytes have not arrived pending (422 upload_missing), then completes it", async () => {
    const res = await call(create, { token: alice.token, body: body({ contentType: "application/pdf", size: PDF.length, filename: "guia.pdf" }) });
    const early = await call(complete, { token: alice.token, params: { fileId: res.json.file.id } });
    expect(early.status).toBe(422);
    expect(early.json.error.code).toBe("upload_missing");
    await postToStorage(res.json.upload, PDF, "application/pdf");
    const done = await call(complete, { token: alice.token, params: { fileId: res.json.file.id } });
    expect(done.status).toBe(200);
    expect(done.json.file.status).toBe("ready");
  });

  it("is the owner's: another customer gets 404 and cannot complete it, anonymous 401", async () => {
    const res = await call(create, { token: alice.token, body: body() });
    await postToStorage(res.json.upload, PNG, "image/png");
    const fileId = res.json.file.id;
    const other = await call(complete, { token: bob.token, params: { fileId } });
    expect(other.status).toBe(404);
    expect(other.json.error.code).toBe("not_found");
    expect((await call(complete, { params: { fileId } })).status).toBe(401);
    expect((await call(complete, { token: bob.token, params: { fileId: "not-a-uuid" } })).status).toBe(404);
    expect((await call(complete, { token: alice.token, params: { fileId } })).status).toBe(200);
  });
});

describe("cleanup of abandoned uploads", () => {
  it("retires pending uploads older than the form expiry plus margin and removes their bytes", async () => {
    const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const old = await createUpload(alice, { filename: "velho.png", contentType: "image/png", size: PNG.length, visibility: "private" }, longAgo);
    await postToStorage(old.upload, PNG, "image/png"); // bytes arrived but nobody completed it
    const oldEmpty = await createUpload(alice, { filename: "vazio.png", contentType: "image/png", size: PNG.length, visibility: "private" }, longAgo);
    const recent = await createUpload(alice, { filename: "novo.png", contentType: "image/png", size: PNG.length, visibility: "private" });
    await postToStorage(recent.upload, PNG, "image/png");
    const oldKey = await keyOf(old.file.id);
    const recentKey = await keyOf(recent.file.id);
    expect(await fileStorage().storage.head(oldKey)).not.toBeNull();

    const result = await cleanupPendingUploads();
    expect(result.removed).toEqual(expect.arrayContaining([old.file.id, oldEmpty.file.id]));
    expect(result.removed).not.toContain(recent.file.id);
    expect(result.failed).toEqual([]);
    expect(await fileStorage().storage.head(oldKey)).toBeNull();
    expect(await fileStorage().storage.head(recentKey)).not.toBeNull();
    // A late completion cannot bring it back.
    expect((await call(complete, { token: alice.token, params: { fileId: old.file.id } })).status).toBe(404);
    expect((await call(complete, { token: alice.token, params: { fileId: recent.file.id } })).status).toBe(200);
    // Idempotent.
    expect((await cleanupPendingUploads()).removed).toEqual([]);
  });

  it("never touches ready files, however old", async () => {
    const longAgo = new Date(Date.now() - 3 * 60 * 60 * 1000);
    const up = await createUpload(bob, { filename: "a.png", contentType: "image/png", size: PNG.length, visibility: "private" }, longAgo);
    await postToStorage(up.upload, PNG, "image/png");
    expect((await call(complete, { token: bob.token, params: { fileId: up.file.id } })).status).toBe(200);
    const result = await cleanupPendingUploads();
    expect(result.removed).not.toContain(up.file.id);
    expect(await fileStorage().storage.head(await keyOf(up.file.id))).not.toBeNull();
  });
});

/**
 * The storage provider against the real S3 protocol, served by s3rver on a random port.
 *
 * s3rver does not verify SigV4 signatures and ignores POST-policy conditions (size, type, key);
 * it does enforce URL expiry. So: upload/HEAD/ranged GET/expiry are checked against the server,
 * while the POST policy is checked by decoding it and presigned GET signatures are checked by
 * recomputing SigV4 independently (testing/sigv4.ts).
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type S3Emulator, startS3Emulator } from "@/emulators/s3";
import { createObjectKey } from "@/lib/files/keys";
import { matchesDeclaredType, SNIFF_BYTE_COUNT } from "@/lib/files/sniff";
import { contentDisposition, createS3Storage, type PresignedUpload, type StorageProvider } from "./index";
import { computePresignedSignature, verifyPresignedSignature } from "./testing/sigv4";

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0,
  0, 0x1f, 0x15, 0xc4, 0x89,
]);
const HTML = new TextEncoder().encode("<!doctype html><html><body><script>alert(1)</script></body></html>");
const ORIGIN = "http://localhost:3000";

let emulator: S3Emulator;
let storage: StorageProvider;

/** What a browser does with a presigned POST: multipart form, policy fields first, `file` last. */
async function browserUpload(upload: PresignedUpload, body: Uint8Array, type: string): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(body)], { type }), "ignored-by-s3.bin");
  return fetch(upload.url, { method: "POST", body: form, headers: { Origin: ORIGIN } });
}

function decodePolicy(upload: PresignedUpload): { expiration: string; conditions: unknown[] } {
  return JSON.parse(Buffer.from(upload.fields.Policy!, "base64").toString("utf8"));
}

beforeAll(async () => {
  emulator = await startS3Emulator({ port: 0, corsOrigins: [ORIGIN] });
  storage = createS3Storage({
    bucket: emulator.bucket,
    region: emulator.region,
    endpoint: emulator.endpoint,
    forcePathStyle: true,
    accessKeyId: emulator.accessKeyId,
    secretAccessKey: emulator.secretAccessKey,
  });
});

afterAll(async () => {
  await emulator?.close();
});

describe("presignUpload (browser POST)", () => {
  it("stores the object from a browser-style multipart POST; HEAD gives its size", async () => {
    const key = createObjectKey({ visibility: "public", contentType: "image/png" });
    const upload = await storage.presignUpload({
      key,
      contentType: "image/png",
      size: PNG.length,
      cacheControl: "public, max-age=31536000, immutable",
      expiresInSeconds: 600,
    });
    expect(upload.method).toBe("POST");
    expect(upload.url).toBe(`${emulator.endpoint}/${emulator.bucket}`);
    expect(upload.fields).toMatchObject({ key, "Content-Type": "image/png", "Cache-Control": "public, max-age=31536000, immutable" });

    const res = await browserUpload(upload, PNG, "image/png");
    expect([201, 204]).toContain(res.status);
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(res.headers.get("access-control-expose-headers")).toContain("ETag");

    const info = await storage.head(key);
    expect(info).toMatchObject({ size: PNG.length, contentType: "image/png" });
    expect(info?.etag).toMatch(/^[0-9a-f]{32}$/);
    expect(info?.lastModified).toBeInstanceOf(Date);

    const first = await storage.readFirstBytes(key, 8);
    expect(Array.from(first ?? [])).toEqual(Array.from(PNG.subarray(0, 8)));
    const sample = await storage.readFirstBytes(key, SNIFF_BYTE_COUNT);
    expect(sample?.length).toBe(PNG.length);
    expect(matchesDeclaredType("image/png", sample!)).toBe(true);
  });

  it("signs a policy with exact size, exact type, the key, Cache-Control and a short expiry", async () => {
    // s3rver ignores every one of these conditions, so the test proves the policy itself.
    const key = createObjectKey({ visibility: "private", contentType: "application/pdf" });
    const before = Date.now();
    const upload = await storage.presignUpload({
      key,
      contentType: "application/pdf",
      size: 123_456,
      cacheControl: "private, max-age=0",
      expiresInSeconds: 600,
    });
    const policy = decodePolicy(upload);

    expect(policy.conditions).toContainEqual(["content-length-range", 123_456, 123_456]);
    expect(policy.conditions).toContainEqual(["eq", "$Content-Type", "application/pdf"]);
    expect(policy.conditions).toContainEqual({ "Content-Type": "application/pdf" });
    expect(policy.conditions).toContainEqual(["eq", "$key", key]);
    expect(policy.conditions).toContainEqual({ key });
    expect(policy.conditions).toContainEqual({ bucket: emulator.bucket });
    expect(policy.conditions).toContainEqual(["eq", "$Cache-Control", "private, max-age=0"]);
    expect(policy.conditions).toContainEqual({ "X-Amz-Algorithm": "AWS4-HMAC-SHA256" });
    // No ACL anywhere: access control is ours.
    expect(JSON.stringify(policy).toLowerCase()).not.toContain("acl");
    expect(Object.keys(upload.fields).map((f) => f.toLowerCase())).not.toContain("acl");

    const expiration = Date.parse(policy.expiration);
    expect(expiration).toBeGreaterThanOrEqual(before + 600_000 - 1000);
    expect(expiration).toBeLessThanOrEqual(Date.now() + 600_000 + 1000);
    expect(Math.abs(upload.expiresAt.getTime() - expiration)).toBeLessThan(2000);
    expect(upload.fields["X-Amz-Signature"]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("leaves size/type enforcement to the completion check on s3rver (it ignores the policy)", async () => {
    const key = createObjectKey({ visibility: "private", contentType: "image/png" });
    const upload = await storage.presignUpload({ key, contentType: "image/png", size: PNG.length, expiresInSeconds: 600 });
    // Real S3 would answer 400 EntityTooLarge / AccessDenied here; s3rver stores it anyway.
    const res = await browserUpload(upload, HTML, "text/html");
    expect([201, 204]).toContain(res.status);

    const info = await storage.head(key);
    expect(info?.size).not.toBe(PNG.length); // completion check 1: size differs from the declared one
    const sample = await storage.readFirstBytes(key, SNIFF_BYTE_COUNT);
    expect(matchesDeclaredType("image/png", sample!)).toBe(false); // completion check 2: magic bytes
    await storage.delete(key);
    expect(await storage.head(key)).toBeNull();
  });

  it("validates its input", async () => {
    await expect(
      storage.presignUpload({ key: "private/x", contentType: "text/plain", size: 1, expiresInSeconds: 0 }),
    ).rejects.toThrow(RangeError);
    await expect(
      storage.presignUpload({ key: "private/x", contentType: "text/plain", size: -1, expiresInSeconds: 60 }),
    ).rejects.toThrow(RangeError);
  });
});

describe("presignGet", () => {
  let key: string;

  beforeAll(async () => {
    key = createObjectKey({ visibility: "private", contentType: "application/pdf" });
    const body = new TextEncoder().encode("%PDF-1.7\n% guia\n");
    const upload = await storage.presignUpload({ key, contentType: "application/pdf", size: body.length, expiresInSeconds: 60 });
    const res = await browserUpload(upload, body, "application/pdf");
    expect(res.ok).toBe(true);
  });

  it("downloads with an RFC 6266 Content-Disposition for a pt-BR name and the given type", async () => {
    const name = "Guia de manobras — básico.pdf";
    const { url, expiresAt } = await storage.presignGet({
      key,
      expiresInSeconds: 60,
      downloadFilename: name,
      contentType: "application/pdf",
    });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 55_000);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(contentDisposition("attachment", name));
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(await res.text()).toContain("%PDF-1.7");
  });

  it("produces a correct SigV4 signature (recomputed independently); tampering changes it", async () => {
    const { url } = await storage.presignGet({ key, expiresInSeconds: 300, downloadFilename: "relatório.pdf", inline: true });
    const u = new URL(url);
    expect(u.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(u.searchParams.get("X-Amz-SignedHeaders")).toBe("host");
    expect(u.searchParams.get("response-content-disposition")).toBe(contentDisposition("inline", "relatório.pdf"));
    // requestChecksumCalculation/responseChecksumValidation = WHEN_REQUIRED keep these out of the URL.
    expect(u.searchParams.has("x-amz-checksum-mode")).toBe(false);

    const computation = computePresignedSignature(url, emulator.secretAccessKey);
    expect(computation.signature).toBe(computation.provided);
    expect(verifyPresignedSignature(url, emulator.secretAccessKey)).toBe(true);

    const otherKey = url.replace(key, createObjectKey({ visibility: "private", contentType: "application/pdf" }));
    const otherName = url.replace(/response-content-disposition=[^&]+/, "response-content-disposition=attachment");
    const longer = url.replace("X-Amz-Expires=300", "X-Amz-Expires=604800");
    for (const tampered of [otherKey, otherName, longer]) {
      expect(tampered).not.toBe(url);
      expect(verifyPresignedSignature(tampered, emulator.secretAccessKey)).toBe(false);
    }
    expect(verifyPresignedSignature(url, "not-the-secret")).toBe(false);

    // Why the check above is needed: s3rver happily serves the tampered URL (real S3 answers 403).
    const served = await fetch(otherName);
    expect(served.status).toBe(200);
    await served.arrayBuffer();
  });

  it("is refused by the server once expired", async () => {
    const { url } = await storage.presignGet({ key, expiresInSeconds: 1 });
    const fresh = await fetch(url);
    expect(fresh.status).toBe(200);
    await fresh.arrayBuffer();
    // X-Amz-Date has 1 s resolution: wait just over 2 s so the 1 s window has surely passed.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("Request has expired");
  });
});

describe("copy", () => {
  it("copies server-side with replaced metadata; the source is untouched; a missing source rejects", async () => {
    const from = createObjectKey({ visibility: "private", contentType: "image/png" });
    const upload = await storage.presignUpload({ key: from, contentType: "image/png", size: PNG.length, cacheControl: "private, max-age=300", expiresInSeconds: 60 });
    expect((await browserUpload(upload, PNG, "image/png")).ok).toBe(true);

    const to = createObjectKey({ visibility: "public", contentType: "image/png" });
    const disposition = contentDisposition("inline", "onda — praia.png");
    await storage.copy(from, to, { contentType: "image/png", cacheControl: "public, max-age=31536000, immutable", contentDisposition: disposition });

    const served = await fetch(storage.publicUrl(to));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("content-disposition")).toBe(disposition);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    expect(await storage.head(from)).toMatchObject({ size: PNG.length, contentType: "image/png" });

    // Replacing the source afterwards does not reach the copy (it is a copy, not a link).
    await browserUpload(upload, HTML, "image/png");
    expect(Array.from((await storage.readFirstBytes(to, 8)) ?? [])).toEqual(Array.from(PNG.subarray(0, 8)));

    const missing = createObjectKey({ visibility: "private", contentType: "image/png" });
    await expect(storage.copy(missing, createObjectKey({ visibility: "private", contentType: "image/png" }), { contentType: "image/png", cacheControl: "private, max-age=300" })).rejects.toThrow();
    await expect(storage.copy(from, from, { contentType: "image/png", cacheControl: "x" })).rejects.toThrow(TypeError);
    await Promise.all([storage.delete(from), storage.delete(to)]);
  });
});

describe("objects and bucket", () => {
  it("returns null for missing objects and deletes idempotently", async () => {
    const key = createObjectKey({ visibility: "private", contentType: "text/plain" });
    expect(await storage.head(key)).toBeNull();
    expect(await storage.readFirstBytes(key, 16)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it("creates a missing bucket with CORS for browser uploads, and is idempotent", async () => {
    const other = createS3Storage({
      bucket: "onlywave-ensure",
      region: emulator.region,
      endpoint: emulator.endpoint,
      forcePathStyle: true,
      accessKeyId: emulator.accessKeyId,
      secretAccessKey: emulator.secretAccessKey,
    });
    expect(await other.ensureBucket({ corsOrigins: ["https://loja.onlywave.com.br"] })).toEqual({ created: true });
    expect(await other.ensureBucket({ corsOrigins: ["https://loja.onlywave.com.br"] })).toEqual({ created: false });

    const preflight = (origin: string) =>
      fetch(`${emulator.endpoint}/onlywave-ensure`, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
      });
    const allowed = await preflight("https://loja.onlywave.com.br");
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-methods")).toContain("POST");
    expect((await preflight("https://evil.example")).status).toBe(403);
    expect((await other.ping()).ok).toBe(true);
  });

  it("ping reports an unreachable server without throwing", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const down = createS3Storage({
      bucket: "onlywave",
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      accessKeyId: "x",
      secretAccessKey: "y",
    });
    const result = await down.ping(1000);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.error).not.toBe("");
    expect((await storage.ping()).ok).toBe(true);
  });

  it("builds public URLs from publicBaseUrl, a path-style endpoint, or AWS", () => {
    const key = "public/2026/12/0b9a3d2e-7c1f-4b8e-9a57-3f1c2d4e5f60.webp";
    expect(storage.publicUrl(key)).toBe(`${emulator.endpoint}/${emulator.bucket}/${key}`);
    const base = { bucket: "ow-files", region: "sa-east-1" };
    expect(createS3Storage({ ...base, publicBaseUrl: "https://files.onlywave.com.br/" }).publicUrl(key)).toBe(
      `https://files.onlywave.com.br/${key}`,
    );
    expect(createS3Storage(base).publicUrl(key)).toBe(`https://ow-files.s3.sa-east-1.amazonaws.com/${key}`);
    expect(createS3Storage({ ...base, endpoint: "https://r2.example.com" }).publicUrl(key)).toBe(
      `https://ow-files.r2.example.com/${key}`,
    );
  });
});

import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3Storage, type StorageProvider } from "@/lib/integrations/s3";
import { corsConfigurationXml, type S3Emulator, s3EmulatorEnv, startS3Emulator } from "./index";

const ORIGIN = "http://localhost:3000";

function storageFor(emulator: S3Emulator): StorageProvider {
  return createS3Storage({
    bucket: emulator.bucket,
    region: emulator.region,
    endpoint: emulator.endpoint,
    forcePathStyle: true,
    accessKeyId: emulator.accessKeyId,
    secretAccessKey: emulator.secretAccessKey,
  });
}

describe("startS3Emulator", () => {
  let emulator: S3Emulator;

  beforeAll(async () => {
    emulator = await startS3Emulator({ port: 0, corsOrigins: [ORIGIN] });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  it("listens on a random port with the bucket created", async () => {
    expect(emulator.port).toBeGreaterThan(0);
    expect(emulator).toMatchObject({
      endpoint: `http://127.0.0.1:${emulator.port}`,
      bucket: "onlywave",
      region: "us-east-1",
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
    });
    expect((await storageFor(emulator).ping()).ok).toBe(true);
    expect(s3EmulatorEnv(emulator)).toEqual({
      S3_ENDPOINT: emulator.endpoint,
      S3_BUCKET: "onlywave",
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: "true",
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
    });
  });

  it("answers the browser's CORS preflight for a direct POST from allowed origins only", async () => {
    const preflight = (origin: string) =>
      fetch(`${emulator.endpoint}/${emulator.bucket}`, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
      });
    const ok = await preflight(ORIGIN);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-methods")).toBe("GET, HEAD, POST, PUT");
    // s3rver answers a matched preflight with "*" (real S3 echoes the origin); both let the POST through.
    expect(ok.headers.get("access-control-allow-origin")).toMatch(/^(\*|http:\/\/localhost:3000)$/);
    expect((await preflight("https://evil.example")).status).toBe(403);
  });

  it("accepts a browser-style multipart POST with the presigned fields", async () => {
    const storage = storageFor(emulator);
    const body = new TextEncoder().encode("sku;nome\nOW-1;Prancha\n");
    const key = "private/1c7e2a4b-2f0d-4c59-8a3e-6b7f9d0e1a2b.csv";
    const upload = await storage.presignUpload({ key, contentType: "text/csv", size: body.length, expiresInSeconds: 600 });

    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append("file", new Blob([body], { type: "text/csv" }), "planilha.csv");
    const res = await fetch(upload.url, { method: "POST", body: form, headers: { Origin: ORIGIN } });

    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(res.headers.get("access-control-expose-headers")).toBe("ETag");
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await storage.head(key)).toMatchObject({ size: body.length, contentType: "text/csv" });
  });

  it("escapes origins in the CORS document", () => {
    expect(corsConfigurationXml(["https://a.example/?x=<y>&z"])).toContain(
      "<AllowedOrigin>https://a.example/?x=&lt;y&gt;&amp;z</AllowedOrigin>",
    );
  });
});

describe("emulator storage directory", () => {
  it("removes its temp directory on close", async () => {
    const emulator = await startS3Emulator();
    expect(existsSync(emulator.directory)).toBe(true);
    await emulator.close();
    await emulator.close(); // idempotent
    expect(existsSync(emulator.directory)).toBe(false);
  });

  it("keeps objects in a given directory across restarts", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "onlywave-s3-test-"));
    try {
      const key = "private/6a0d6d1e-93a7-4a4e-bb1f-0f6e2f7d9c11.txt";
      const first = await startS3Emulator({ directory: dir, bucket: "persist" });
      const upload = await storageFor(first).presignUpload({ key, contentType: "text/plain", size: 2, expiresInSeconds: 60 });
      const form = new FormData();
      for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
      form.append("file", new Blob(["oi"], { type: "text/plain" }));
      expect((await fetch(upload.url, { method: "POST", body: form })).status).toBe(204);
      await first.close();
      expect(existsSync(dir)).toBe(true);

      const second = await startS3Emulator({ directory: dir, bucket: "persist" });
      try {
        expect(await storageFor(second).head(key)).toMatchObject({ size: 2 });
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

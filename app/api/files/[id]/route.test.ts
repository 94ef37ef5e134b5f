/**
 * URLs, visibility, deletion and the CDN for one file, against a real s3rver. s3rver enforces
 * the expiry of presigned URLs but not their signatures, so signatures are recomputed
 * independently (lib/integrations/s3/testing/sigv4.ts, verifySignedUrl for CloudFront).
 */
import { createHash, generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { S3Emulator } from "@/emulators/s3";
import { getDb, schema } from "@/lib/db";
import { fileStorage } from "@/lib/files/storage";
import { keyOf, PDF, PNG, postToStorage, readyFile, setEnv, startTestStorage, uploadThroughApi } from "@/lib/files/testing/harness";
import { verifySignedUrl } from "@/lib/integrations/cloudfront";
import { contentDisposition } from "@/lib/integrations/s3";
import { verifyPresignedSignature } from "@/lib/integrations/s3/testing/sigv4";
import { makeProduct, makeUser, type TestUser } from "@/lib/testing/fixtures";
import { call } from "@/lib/testing/http";
import { GET as download } from "./download/route";
import { DELETE as remove, GET as getOne, PATCH as patch } from "./route";

const CDN = "https://cdn.onlywave.test";
const NAME = "Guia de manobras — básico.pdf";

let emulator: S3Emulator;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  emulator = await startTestStorage();
  [alice, bob] = await Promise.all([makeUser({ name: "Alice" }), makeUser({ name: "Bob" })]);
});

afterAll(async () => {
  await emulator?.close();
});

afterEach(() => {
  vi.useRealTimers();
  setEnv({ CDN_BASE_URL: undefined, CLOUDFRONT_KEY_PAIR_ID: undefined, CLOUDFRONT_PRIVATE_KEY: undefined, CLOUDFRONT_DISTRIBUTION_ID: undefined, AWS_ENDPOINT_URL_CLOUDFRONT: undefined });
});

const storage = () => fileStorage().storage;

describe("URLs without a CDN", () => {
  it("private: a 5-minute SigV4 presigned GET, inline, correctly signed; tampering breaks the signature", async () => {
    const { id } = await readyFile({ token: alice.token, bytes: PDF, contentType: "application/pdf", filename: NAME });
    const key = await keyOf(id);
    const before = Date.now();
    const res = await call(getOne, { token: alice.token, params: { id } });
    expect(res.status).toBe(200);
    const { url, urlExpiresAt } = res.json;
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe(`${emulator.endpoint}/${emulator.bucket}/${key}`);
    expect(u.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(u.searchParams.get("response-content-disposition")).toBe(contentDisposition("inline", NAME));
    expect(u.searchParams.get("response-content-type")).toBe("application/pdf");
    expect(Date.parse(urlExpiresAt) - before).toBeGreaterThan(295_000);
    expect(Date.parse(urlExpiresAt) - before).toBeLessThanOrEqual(301_000);

    expect(verifyPresignedSignature(url, emulator.secretAccessKey)).toBe(true);
    for (const tampered of [url.replace(key, key.replace(/[0-9a-f](?=\.pdf$)/, (c) => (c === "0" ? "1" : "0"))), url.replace("X-Amz-Expires=300", "X-Amz-Expires=604800")]) {
      expect(tampered).not.toBe(url);
      expect(verifyPresignedSignature(tampered, emulator.secretAccessKey)).toBe(false);
    }
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(new Uint8Array(await fetched.arrayBuffer())).toEqual(PDF);
  });

  it("an expired signed URL is refused by the storage server", async () => {
    const { id } = await readyFile({ token: alice.token, bytes: PDF, contentType: "application/pdf", filename: NAME });
    // Sign it six minutes in the past: its 5-minute life ended a minute ago.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Date.now() - 6 * 60_000));
    const res = await call(getOne, { token: alice.token, params: { id } });
    const dl = await call(download, { token: alice.token, params: { id } });
    vi.useRealTimers();
    expect(Date.parse(res.json.urlExpiresAt)).toBeLessThan(Date.now());
    expect(verifyPresignedSignature(res.json.url, emulator.secretAccessKey)).toBe(true);
    for (const url of [res.json.url, dl.headers.get("location")!]) {
      const refused = await fetch(url);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain("Request has expired");
    }
  });

  it("download: 302 to a signed URL that answers the same bytes as an attachment", async () => {
    const { id } = await readyFile({ token: alice.token, bytes: PDF, contentType: "application/pdf", filename: NAME });
    const res = await call(download, { token: alice.token, params: { id } });
    expect(res.status).toBe(302);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const location = res.headers.get("location")!;
    expect(verifyPresignedSignature(location, emulator.secretAccessKey)).toBe(true);
    const file = await fetch(location);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe(contentDisposition("attachment", NAME));
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
  });

  it("public: the plain storage URL (no signature, no expiry), stored with immutable caching", async () => {
    const { id } = await readyFile({ token: alice.token, bytes: PNG, contentType: "image/png", visibility: "public" });
    const key = await keyOf(id);
    const res = await call(getOne, { params: { id } });
    expect(res.json).toMatchObject({ url: `${emulator.endpoint}/${emulator.bucket}/${key}`, urlExpiresAt: null });
    const served = await fetch(res.json.url);
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
  });
});

describe("after completion, the upload form is useless", () => {
  const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
  /** Same size and declared type as PNG, different bytes: what a client would swap in. */
  const swapped = new Uint8Array(PNG.length).fill(0x41);

  it.each(["private", "public"] as const)("%s: re-posting other bytes with the old form does not change what is served", async (visibility) => {
    const { created, completed, id } = await uploadThroughApi({ token: alice.token, bytes: PNG, contentType: "image/png", visibility, filename: "onda.png" });
    expect(completed.status).toBe(200);
    const uploadKey: string = created.json.upload.fields.key;
    expect(await storage().head(uploadKey)).toBeNull(); // completion removed the object at the form's key

    // The presigned POST is still valid for minutes: the client uses it again, after the check.
    expect((await postToStorage(created.json.upload, swapped, "image/png")).ok).toBe(true);

    const dl = await call(download, { token: alice.token, params: { id } });
    expect(dl.status).toBe(302);
    const served = await fetch(dl.headers.get("location")!);
    expect(served.status).toBe(200);
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(PNG));

    // Because the checked bytes moved to a fresh key under the same prefix, and nothing points at the form's key.
    const servedKey = await keyOf(id);
    expect(servedKey).not.toBe(uploadKey);
    expect(servedKey.startsWith(`${visibility}/`)).toBe(true);
    expect(await storage().head(servedKey)).toMatchObject({ size: PNG.length, contentType: "image/png" });
    const viewed = await call(getOne, { token: alice.token, params: { id } });
    expect(viewed.json.url).not.toContain(uploadKey);
    const stored = await fetch(viewed.json.url);
    expect(stored.headers.get("cache-control")).toBe(visibility === "public" ? "public, max-age=31536000, immutable" : "private, max-age=300");
    expect(sha256(new Uint8Array(await stored.arrayBuffer()))).toBe(sha256(PNG));
  });
});

describe("URLs with CloudFront", () => {
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });

  it("public: CDN_BASE_URL + key", async () => {
    setEnv({ CDN_BASE_URL: `${CDN}/` });
    const { id } = await readyFile({ token: alice.token, bytes: PNG, contentType: "image/png", visibility: "public" });
    const res = await call(getOne, { params: { id } });
    expect(res.json).toMatchObject({ url: `${CDN}/${await keyOf(id)}`, urlExpiresAt: null });
  });

  it("private without a key pair: still an S3 presigned GET", async () => {
    setEnv({ CDN_BASE_URL: CDN });
    const { id } = await readyFile({ token: alice.token, bytes: PDF, contentType: "application/pdf" });
    const res = await call(getOne, { token: alice.token, params: { id } });
    expect(res.json.url.startsWith(`${emulator.endpoint}/`)).toBe(true);
    expect(verifyPresignedSignature(res.json.url, emulator.secretAccessKey)).toBe(true);
  });

  it("private with a key pair: a CloudFront signed URL that verifies with the public key and expires on time", async () => {
    // The key as a dashboard would store it: one line with literal \n.
    setEnv({ CDN_BASE_URL: CDN, CLOUDFRONT_KEY_PAIR_ID: "K2JCJMDEHXQW5F", CLOUDFRONT_PRIVATE_KEY: keys.privateKey.replace(/\n/g, "\\n") });
    const { id } = await readyFile({ token: alice.token, bytes: PDF, contentType: "application/pdf", filename: NAME });
    const key = await keyOf(id);
    const res = await call(getOne, { token: alice.token, params: { id } });
    const { url, urlExpiresAt } = res.json;
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe(`${CDN}/${key}`);
    expect(u.searchParams.get("Key-Pair-Id")).toBe("K2JCJMDEHXQW5F");
    expect(u.searchParams.get("response-content-disposition")).toBe(contentDisposition("inline", NAME));
    const expiresAt = new Date(urlExpiresAt);
    expect(Number(u.searchParams.get("Expires"))).toBe(expiresAt.getTime() / 1000);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(290_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(300_000);

    expect(verifySignedUrl(url, keys.publicKey, new Date())).toEqual({ valid: true, expiresAt, keyPairId: "K2JCJMDEHXQW5F" });
    expect(verifySignedUrl(url, keys.publicKey, new Date(expiresAt.getTime() - 1000)).valid).toBe(true);
    expect(verifySignedUrl(url, keys.publicKey, expiresAt)).toEqual({ valid: false, reason: "expired" });
    const other = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    expect(verifySignedUrl(url, other.publicKey, new Date())).toEqual({ valid: false, reason: "bad-signature" });
    expect(verifySignedUrl(url.replace(/Expires=\d+/, `Expires=${expiresAt.getTime() / 1000 + 86_400}`), keys.publicKey)).toEqual({
      valid: false,
      reason: "bad-signature",
    });

    const dl = await call(download, { token: alice.token, params: { id } });
    const location = dl.headers.get("location")!;
    expect(new URL(location).searchParams.get("response-content-disposition")).toBe(contentDisposition("attachment", NAME));
    expect(verifySignedUrl(location, keys.publicKey).valid).toBe(true);
  });
});

describe("PATCH /api/files/{id} (visibility)", () => {
  it("private → public moves the object under public/ with immutable caching; the old key is gone", async () => {
    const { id } = await readyFile({ token: alice.token, bytes: PNG, contentType: "image/png", filename: "foto.png" });
    const oldKey = await keyOf(id);
    const res = await call(patch, { token: alice.token, method: "PATCH", params: { id }, body: { visibility: "public" } });
    expect(res.status).toBe(200);
    const newKey = await keyOf(id);
    expect(newKey).toMatch(/^public\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.png$/);
    expect(res.json).toMatchObject({ visibility: "public", urlExpiresAt: null, url: `${emulator.endpoint}/${emulator.bucket}/${newKey}` });
    expect(await storage().head(oldKey)).toBeNull();
    const served = await fetch(res.json.url);
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    // Anyone can read it now.
    expect((await call(getOne, { token: bob.token, params: { id } })).status).toBe(200);
    // Same visibility again: nothing moves.
    await call(patch, { token: alice.token, method: "PATCH", params: { id }, body: { visibility: "public" } });
    expect(await keyOf(id)).toBe(newKey);
  });

  it("public → private moves it under private/ and off the public URL", async () => {
    const { id } = await readyFile({ token: alice.token, bytes: PNG, contentType: "image/png", visibility: "public" });
    const publicUrl = (await call(getOne, { params: { id } })).json.url;
    const res = await call(patch, { token: alice.token, method: "PATCH", params: { id }, body: { visibility: "private" } });
    expect(res.json.visibility).toBe("private");
    expect(await keyOf(id)).toMatch(/^private\//);
    expect((await fetch(publicUrl)).status).toBe(404);
    expect((await call(getOne, { params: { id } })).status).toBe(404);
    expect((await call(getOne, { token: bob.token, params: { id } })).status).toBe(404);
    const signed = await fetch(res.json.url);
    expect(signed.headers.get("cache-control")).toBe("private, max-age=300");
  });

  it("refuses to publish a digital good, to unpublish a product's image, and validates the body", async () => {
    const admin = await makeUser({ role: "admin" });
    const good = await readyFile({ token: admin.token, bytes: PDF, contentType: "application/pdf", purpose: "digital-good" });
    const r1 = await call(patch, { token: admin.token, method: "PATCH", params: { id: good.id }, body: { visibility: "public" } });
    expect(r1.status).toBe(422);
    const image = await readyFile({ token: admin.token, bytes: PNG, contentType: "image/png", purpose: "product-image", visibility: "public" });
    const product = await makeProduct();
    const db = await getDb();
    await db.insert(schema.productImages).values({ productId: product.id, fileId: image.id, url: "x" });
    const r2 = await call(patch, { token: admin.token, method: "PATCH", params: { id: image.id }, body: { visibility: "private" } });
    expect(r2.status).toBe(409);
    expect(r2.json.error.code).toBe("file_in_use");
    const r3 = await call(patch, { token: admin.token, method: "PATCH", params: { id: image.id }, body: { visibility: "secret" } });
    expect(r3.status).toBe(422);
  });
});

describe("DELETE /api/files/{id}", () => {
  it("removes the object from storage and answers 404 afterwards", async () => {
    const { id } = await readyFile({ token: alice.token, bytes: PDF, contentType: "application/pdf" });
    const key = await keyOf(id);
    expect(await storage().head(key)).not.toBeNull();
    const res = await call(remove, { token: alice.token, method: "DELETE", params: { id } });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(await storage().head(key)).toBeNull();
    expect((await call(getOne, { token: alice.token, params: { id } })).status).toBe(404);
    expect((await call(remove, { token: alice.token, method: "DELETE", params: { id } })).status).toBe(404);
  });

  it("refuses (409) while a product uses the file as its download", async () => {
    const admin = await makeUser({ role: "admin" });
    const good = await readyFile({ token: admin.token, bytes: PDF, contentType: "application/pdf", purpose: "digital-good" });
    await makeProduct({ kind: "digital", downloadFileId: good.id });
    const res = await call(remove, { token: admin.token, method: "DELETE", params: { id: good.id } });
    expect(res.status).toBe(409);
    expect(await storage().head(await keyOf(good.id))).not.toBeNull();
  });
});

describe("CloudFront invalidations", () => {
  let server: Server;
  let status = 201;
  const paths: string[][] = [];

  beforeAll(async () => {
    // Stands in for cloudfront.amazonaws.com (the SDK reads AWS_ENDPOINT_URL_CLOUDFRONT).
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        if (status !== 201) {
          res.writeHead(status, { "Content-Type": "text/xml" });
          res.end("<ErrorResponse><Error><Code>ServiceUnavailable</Code><Message>down</Message></Error></ErrorResponse>");
          return;
        }
        paths.push([...body.matchAll(/<Path>([^<]+)<\/Path>/g)].map((m) => m[1]!));
        res.writeHead(201, { "Content-Type": "text/xml" });
        res.end(
          '<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I1</Id><Status>InProgress</Status>' +
            "<CreateTime>2026-12-03T12:00:00Z</CreateTime><InvalidationBatch><Paths><Quantity>0</Quantity></Paths><CallerReference>x</CallerReference></InvalidationBatch></Invalidation>",
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const withCloudFront = () =>
    setEnv({
      CDN_BASE_URL: CDN,
      CLOUDFRONT_DISTRIBUTION_ID: "EDFDVBD6EXAMPLE",
      AWS_ENDPOINT_URL_CLOUDFRONT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    });

  it("deleting a public file invalidates its CDN path; private files need none", async () => {
    withCloudFront();
    const pub = await readyFile({ token: alice.token, bytes: PNG, contentType: "image/png", visibility: "public" });
    const key = await keyOf(pub.id);
    paths.length = 0;
    expect((await call(remove, { token: alice.token, method: "DELETE", params: { id: pub.id } })).status).toBe(204);
    expect(paths).toEqual([[`/${key}`]]);
    const priv = await readyFile({ token: alice.token, bytes: PNG, contentType: "image/png" });
    expect((await call(remove, { token: alice.token, method: "DELETE", params: { id: priv.id } })).status).toBe(204);
    expect(paths).toHaveLength(1);
  });

  it("unpublishing invalidates the old public key", async () => {
    withCloudFront();
    const pub = await readyFile({ token: alice.token, bytes: PNG, contentType: "image/png", visibility: "public" });
    const key = await keyOf(pub.id);
    paths.length = 0;
    await call(patch, { token: alice.token, method: "PATCH", params: { id: pub.id }, body: { visibility: "private" } });
    expect(paths).toEqual([[`/${key}`]]);
  });

  it("a failed invalidation answers 502 and leaves the file deletable again", async () => {
    withCloudFront();
    const pub = await readyFile({ token: alice.token, bytes: PNG, contentType: "image/png", visibility: "public" });
    status = 400;
    const failed = await call(remove, { token: alice.token, method: "DELETE", params: { id: pub.id } });
    expect(failed.status).toBe(502);
    expect(failed.json.error.code).toBe("upstream_failed");
    expect((await call(getOne, { token: alice.token, params: { id: pub.id } })).status).toBe(200);
    status = 201;
    paths.length = 0;
    expect((await call(remove, { token: alice.token, method: "DELETE", params: { id: pub.id } })).status).toBe(204);
    expect(paths).toHaveLength(1);
  });
});

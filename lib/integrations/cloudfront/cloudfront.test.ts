import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDisposition } from "../s3/content-disposition";
import { createCdn, verifySignedUrl } from "./index";

const pem = () =>
  generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
const keys = pem();
const otherKeys = pem();

const BASE = "https://cdn.onlywave.com.br";
const KEY = "private/0b9a3d2e-7c1f-4b8e-9a57-3f1c2d4e5f60.pdf";
const cdn = createCdn({ baseUrl: BASE, keyPairId: "K2JCJMDEHXQW5F", privateKey: keys.privateKey });

describe("CloudFront signed URLs (canned policy)", () => {
  const expiresAt = new Date("2030-01-01T00:10:00Z");
  const before = new Date("2030-01-01T00:09:59Z");

  it("verifies with the matching public key", () => {
    const url = cdn.signedUrl({ key: KEY, expiresAt });
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe(`${BASE}/${KEY}`);
    expect(u.searchParams.get("Expires")).toBe(String(expiresAt.getTime() / 1000));
    expect(u.searchParams.get("Key-Pair-Id")).toBe("K2JCJMDEHXQW5F");
    expect(u.searchParams.get("Signature")).toMatch(/^[A-Za-z0-9~_-]+$/);
    expect(u.searchParams.has("Policy")).toBe(false);

    expect(verifySignedUrl(url, keys.publicKey, before)).toEqual({ valid: true, expiresAt, keyPairId: "K2JCJMDEHXQW5F" });
  });

  it("fails with another key or a tampered URL", () => {
    const url = cdn.signedUrl({ key: KEY, expiresAt });
    expect(verifySignedUrl(url, otherKeys.publicKey, before)).toEqual({ valid: false, reason: "bad-signature" });

    const otherObject = url.replace("3f1c2d4e5f60.pdf", "3f1c2d4e5f61.pdf");
    const laterExpiry = url.replace(/Expires=\d+/, `Expires=${expiresAt.getTime() / 1000 + 3600}`);
    const addedParam = url.replace("?", "?download=1&");
    for (const tampered of [otherObject, laterExpiry, addedParam]) {
      expect(tampered).not.toBe(url);
      expect(verifySignedUrl(tampered, keys.publicKey, before)).toEqual({ valid: false, reason: "bad-signature" });
    }
    expect(verifySignedUrl(`${BASE}/${KEY}`, keys.publicKey, before)).toEqual({ valid: false, reason: "malformed" });
  });

  it("is expired from its expiry instant on", () => {
    const url = cdn.signedUrl({ key: KEY, expiresAt });
    expect(verifySignedUrl(url, keys.publicKey, expiresAt)).toEqual({ valid: false, reason: "expired" });
    expect(verifySignedUrl(url, keys.publicKey, new Date("2031-01-01T00:00:00Z"))).toEqual({
      valid: false,
      reason: "expired",
    });
  });

  it("signs a download filename into the URL", () => {
    const name = "Guia de manobras — básico.pdf";
    const url = cdn.signedUrl({ key: KEY, expiresAt, downloadFilename: name });
    expect(new URL(url).searchParams.get("response-content-disposition")).toBe(contentDisposition("attachment", name));
    expect(verifySignedUrl(url, keys.publicKey, before).valid).toBe(true);
    const swapped = url.replace(/response-content-disposition=[^&]+/, "response-content-disposition=inline");
    expect(verifySignedUrl(swapped, keys.publicKey, before)).toEqual({ valid: false, reason: "bad-signature" });
  });

  it("supports SHA256 signatures (Hash-Algorithm=SHA256)", () => {
    const sha256 = createCdn({ baseUrl: BASE, keyPairId: "K1", privateKey: keys.privateKey, hashAlgorithm: "SHA256" });
    const url = sha256.signedUrl({ key: KEY, expiresAt });
    expect(new URL(url).searchParams.get("Hash-Algorithm")).toBe("SHA256");
    expect(verifySignedUrl(url, keys.publicKey, before).valid).toBe(true);
    // The same signature presented as SHA1 does not verify.
    expect(verifySignedUrl(url.replace("&Hash-Algorithm=SHA256", ""), keys.publicKey, before).valid).toBe(false);
  });

  it("reports what is configured", () => {
    expect(cdn).toMatchObject({ enabled: true, canSign: true });
    expect(cdn.publicUrl("public/2026/12/a b.jpg")).toBe(`${BASE}/public/2026/12/a%20b.jpg`);
    const unsigned = createCdn({ baseUrl: `${BASE}/` });
    expect(unsigned).toMatchObject({ enabled: true, canSign: false });
    expect(unsigned.publicUrl("public/x.jpg")).toBe(`${BASE}/public/x.jpg`);
    expect(() => unsigned.signedUrl({ key: KEY, expiresAt })).toThrow(/not configured/);
    const none = createCdn();
    expect(none).toMatchObject({ enabled: false, canSign: false });
    expect(() => none.publicUrl("public/x.jpg")).toThrow(/not configured/);
  });
});

describe("CloudFront invalidations", () => {
  let server: Server;
  let endpoint: string;
  const requests: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }> = [];

  beforeAll(async () => {
    // Stands in for cloudfront.amazonaws.com: records the request, answers like CreateInvalidation.
    server = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
        const id = `I${requests.length}ABCDEFGHIJK`;
        res.writeHead(201, {
          "Content-Type": "text/xml",
          Location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation/${id}`,
        });
        res.end(
          `<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>${id}</Id>` +
            "<Status>InProgress</Status><CreateTime>2026-12-03T12:00:00Z</CreateTime><InvalidationBatch>" +
            "<Paths><Quantity>0</Quantity></Paths><CallerReference>x</CallerReference></InvalidationBatch></Invalidation>",
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const client = () => ({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
  });

  it("sends CreateInvalidation with the paths and a unique CallerReference", async () => {
    const cdnWithDist = createCdn({ baseUrl: BASE, distributionId: "EDFDVBD6EXAMPLE", client: client() });
    const id = await cdnWithDist.invalidate([
      "public/2026/12/0b9a3d2e-7c1f-4b8e-9a57-3f1c2d4e5f60.webp",
      "/public/2026/12/*",
      "public/2026/12/0b9a3d2e-7c1f-4b8e-9a57-3f1c2d4e5f60.webp",
    ]);
    expect(id).toBe("I1ABCDEFGHIJK");

    const req = requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation");
    expect(req.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/cloudfront\//);
    expect(req.body).toContain("<InvalidationBatch");
    expect(req.body).toContain("<Quantity>2</Quantity>");
    expect(req.body).toContain("<Path>/public/2026/12/0b9a3d2e-7c1f-4b8e-9a57-3f1c2d4e5f60.webp</Path>");
    expect(req.body).toContain("<Path>/public/2026/12/*</Path>");
    const ref1 = /<CallerReference>([^<]+)<\/CallerReference>/.exec(req.body)?.[1];
    expect(ref1).toMatch(/^onlywave-\d+-[0-9a-f-]{36}$/);

    await cdnWithDist.invalidate(["public/x.jpg"]);
    const ref2 = /<CallerReference>([^<]+)<\/CallerReference>/.exec(requests[1]!.body)?.[1];
    expect(ref2).toBeDefined();
    expect(ref2).not.toBe(ref1);
  });

  it("is a no-op without a distribution id or keys", async () => {
    const count = requests.length;
    expect(await createCdn({ baseUrl: BASE, client: client() }).invalidate(["public/x.jpg"])).toBeNull();
    expect(await createCdn({ baseUrl: BASE, distributionId: "EDFDVBD6EXAMPLE", client: client() }).invalidate([])).toBeNull();
    expect(requests.length).toBe(count);
  });
});

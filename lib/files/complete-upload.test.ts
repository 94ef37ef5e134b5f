/**
 * Upload completion against a real s3rver, through the real route handlers: the checked bytes are
 * copied to a fresh key and only that copy is ever referenced, whatever happens around it.
 */
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as complete } from "@/app/api/uploads/[fileId]/complete/route";
import { POST as create } from "@/app/api/uploads/route";
import type { S3Emulator } from "@/emulators/s3";
import { makeUser, type TestUser } from "@/lib/testing/fixtures";
import { call } from "@/lib/testing/http";
import { fileStorage } from "./storage";
import { HTML_PAGE, keyOf, PNG, postToStorage, startTestStorage } from "./testing/harness";

let emulator: S3Emulator;
let alice: TestUser;

beforeAll(async () => {
  emulator = await startTestStorage();
  alice = await makeUser({ name: "Alice" });
});

afterAll(async () => {
  await emulator?.close();
});

/** Every key in the bucket (the test's own emulator, so nothing else writes to it). */
async function allKeys(): Promise<string[]> {
  const client = new S3Client({
    region: emulator.region,
    endpoint: emulator.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: emulator.accessKeyId, secretAccessKey: emulator.secretAccessKey },
  });
  const res = await client.send(new ListObjectsV2Command({ Bucket: emulator.bucket }));
  return (res.Contents ?? []).map((o) => o.Key!).sort();
}

async function started(bytes: Uint8Array) {
  const res = await call(create, { token: alice.token, body: { filename: "onda.png", contentType: "image/png", size: bytes.length, visibility: "private" } });
  expect(res.status).toBe(201);
  expect((await postToStorage(res.json.upload, bytes, "image/png")).ok).toBe(true);
  return { id: res.json.file.id as string, uploadKey: res.json.upload.fields.key as string };
}

describe("completeUpload", () => {
  it("a rejected upload leaves no object behind: neither the upload nor its copy", async () => {
    const before = await allKeys();
    const { id } = await started(HTML_PAGE); // right size and type, HTML bytes
    const done = await call(complete, { token: alice.token, params: { fileId: id } });
    expect(done.status).toBe(422);
    expect(done.json.error.details[0].code).toBe("content-mismatch");
    expect(await allKeys()).toEqual(before);
  });

  it("two completions at once: both answer the ready file and exactly one object remains, the referenced one", async () => {
    const before = await allKeys();
    const { id, uploadKey } = await started(PNG);
    const results = await Promise.all([1, 2, 3].map(() => call(complete, { token: alice.token, params: { fileId: id } })));
    expect(results.map((r) => [r.status, r.json.file?.status])).toEqual([
      [200, "ready"],
      [200, "ready"],
      [200, "ready"],
    ]);
    const key = await keyOf(id);
    expect(key).not.toBe(uploadKey);
    expect((await allKeys()).filter((k) => !before.includes(k))).toEqual([key]);
    expect(await fileStorage().storage.head(key)).toMatchObject({ size: PNG.length, contentType: "image/png" });
  });
});

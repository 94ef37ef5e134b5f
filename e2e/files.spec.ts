import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { signUp } from "./support/auth";
import { e2eEnv } from "./support/env";

/**
 * Files end to end in Chromium against the production build and s3rver: a 20 MB upload posted by
 * the browser straight to storage with a moving progress bar, download with the same bytes,
 * sharing with a second user, 404 for a third, and deletion removing the object from storage.
 */

const MB = 1024 * 1024;
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

function s3(): { client: S3Client; bucket: string } {
  const env = e2eEnv();
  const client = new S3Client({
    region: env.S3_REGION ?? "us-east-1",
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
  });
  return { client, bucket: env.S3_BUCKET! };
}

async function privateKeys(): Promise<Map<string, number>> {
  const { client, bucket } = s3();
  const out = new Map<string, number>();
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: "private/", ContinuationToken: token }));
    for (const o of page.Contents ?? []) out.set(o.Key!, o.Size ?? 0);
    token = page.NextContinuationToken;
  } while (token);
  return out;
}

async function newUser(browser: Browser, baseURL: string | undefined, name: string): Promise<{ page: Page; email: string; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL, locale: "pt-BR", acceptDownloads: true });
  const page = await context.newPage();
  const { email } = await signUp(page, name);
  return { page, email, close: () => context.close() };
}

async function downloadSha(page: Page): Promise<{ sha: string; name: string }> {
  const pending = page.waitForEvent("download");
  await page.getByTestId("file-download").click();
  const download = await pending;
  const path = await download.path();
  return { sha: sha256(readFileSync(path)), name: download.suggestedFilename() };
}

test("upload 20 MB with progress, download the same bytes, share with one user, 404 for another, delete", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL;
  // A zip (PK header) of 20 MB of random bytes: sniffs as application/zip, no compression gains.
  const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(20 * MB - 4)]);
  const expectedSha = sha256(bytes);
  const filename = "Sessão de surf — Itamambuca.zip";

  await signUp(page, "Alice Dona");
  const bob = await newUser(browser, baseURL, "Bruno Amigo");
  const carol = await newUser(browser, baseURL, "Carla Estranha");

  await page.goto("/files");
  await expect(page.getByRole("heading", { level: 1, name: "Meus arquivos" })).toBeVisible();

  // Slow the browser's upload down so the bar has time to move (Chromium network emulation).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 10 * MB });
  // Record every value the progress bar shows.
  await page.evaluate(() => {
    const w = window as unknown as { __progress: number[] };
    w.__progress = [];
    const seen = () => {
      const bar = document.querySelector('[data-testid="upload-progress"]');
      const v = bar ? Number(bar.getAttribute("aria-valuenow")) : Number.NaN;
      if (!Number.isNaN(v) && w.__progress[w.__progress.length - 1] !== v) w.__progress.push(v);
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
  });

  const before = await privateKeys();
  const started = Date.now();
  await page.getByTestId("upload-input").setInputFiles({ name: filename, mimeType: "application/zip", buffer: bytes });
  const item = page.getByTestId("upload-item");
  await expect(item).toHaveAttribute("data-phase", "done", { timeout: 120_000 });
  const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
  testInfo.annotations.push({ type: "upload", description: `${Date.now() - started} ms, progress ${progress.join(",")}` });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  expect(progress.filter((v) => v > 0 && v < 100).length).toBeGreaterThanOrEqual(2);
  expect(progress[progress.length - 1]).toBe(100);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  await expect(item).toContainText("20 MB de 20 MB");

  // The browser posted straight to storage: the object is there, under private/, with its size.
  const after = await privateKeys();
  const added = [...after].filter(([k]) => !before.has(k));
  expect(added).toHaveLength(1);
  const [key, size] = added[0]!;
  expect(size).toBe(bytes.length);
  expect(key).toMatch(/^private\/[0-9a-f-]{36}\.zip$/);

  // It is listed; its page shows it.
  await page.getByRole("link", { name: filename }).click();
  await expect(page).toHaveURL(/\/files\/[0-9a-f-]{36}$/);
  const fileId = page.url().split("/").pop()!;
  await expect(page.getByTestId("file-name")).toHaveText(filename);
  await expect(page.getByTestId("file-size")).toHaveText("20 MB");

  // Download: same bytes, original name.
  const mine = await downloadSha(page);
  expect(mine.sha).toBe(expectedSha);
  expect(mine.name).toBe(filename);

  // Share with Bob, who can then download it.
  await page.getByLabel("Compartilhar com (e-mail)").fill(bob.email);
  await page.getByRole("button", { name: "Compartilhar" }).click();
  await expect(page.getByTestId("grant-row")).toContainText(bob.email);
  await bob.page.goto(`/files/${fileId}`);
  await expect(bob.page.getByTestId("file-name")).toHaveText(filename);
  await expect(bob.page.getByRole("button", { name: "Excluir" })).toHaveCount(0);
  expect((await downloadSha(bob.page)).sha).toBe(expectedSha);

  // Carol: not found, on the page and in the API.
  const carolPage = await carol.page.goto(`/files/${fileId}`);
  expect(carolPage?.status()).toBe(404);
  await expect(carol.page.getByRole("heading", { name: "Essa onda não quebrou aqui." })).toBeVisible();
  expect((await carol.page.request.get(`/api/files/${fileId}`)).status()).toBe(404);
  expect((await carol.page.request.get(`/api/files/${fileId}/download`, { maxRedirects: 0 })).status()).toBe(404);

  // Delete with confirmation: gone from storage, and for Bob.
  await page.getByRole("button", { name: "Excluir", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.getByRole("button", { name: "Excluir definitivamente" }).click();
  await expect(page).toHaveURL(/\/files$/);
  await expect(page.getByRole("link", { name: filename })).toHaveCount(0);
  const { client, bucket } = s3();
  await expect(client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  expect((await bob.page.request.get(`/api/files/${fileId}`)).status()).toBe(404);

  await bob.close();
  await carol.close();
});

test("clear errors for a file that is too large or of a type not allowed", async ({ page }, testInfo) => {
  await signUp(page, "Duda Erros");
  await page.goto("/files");
  const input = page.getByTestId("upload-input");
  await input.setInputFiles({ name: "pagina.html", mimeType: "text/html", buffer: Buffer.from("<!doctype html><p>oi</p>") });
  await expect(page.getByTestId("upload-error").last()).toHaveText("Tipo de arquivo não permitido.");
  // An HTML page renamed to .png: accepted at first, refused after the bytes are checked.
  await input.setInputFiles({ name: "gato.png", mimeType: "image/png", buffer: Buffer.from("<!doctype html><script>alert(1)</script>") });
  await expect(page.getByTestId("upload-error").last()).toHaveText("O conteúdo do arquivo não corresponde ao tipo informado. Envie um arquivo válido.");
  // Too large: a sparse 251 MB file (no disk used); the API refuses it before any byte is sent.
  const big = testInfo.outputPath("enorme.mp4");
  mkdirSync(dirname(big), { recursive: true });
  writeFileSync(big, "");
  truncateSync(big, 251 * MB);
  await input.setInputFiles(big);
  await expect(page.getByTestId("upload-error").last()).toHaveText("O arquivo excede o limite de 250 MB.");
  await expect(page.getByTestId("upload-item").last()).toContainText("0 B de 251 MB");

  // Cancel mid-upload (slowed to 1 MB/s): the request is aborted and the pending file discarded.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: MB });
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(8 * MB - 4)]);
  await input.setInputFiles({ name: "cancelar.zip", mimeType: "application/zip", buffer: zip });
  const row = page.getByTestId("upload-item").last();
  await expect(row).toHaveAttribute("data-phase", "uploading");
  await expect.poll(async () => Number(await row.getByTestId("upload-progress").getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  const deleted = page.waitForResponse((r) => r.request().method() === "DELETE" && /\/api\/files\//.test(r.url()));
  await row.getByRole("button", { name: "Cancelar" }).click();
  await expect(row).toHaveAttribute("data-phase", "canceled");
  expect((await deleted).status()).toBe(204);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const mine = await page.request.get("/api/files");
  expect((await mine.json()).data).toEqual([]);
});

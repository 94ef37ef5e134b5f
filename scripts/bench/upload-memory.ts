import { closeSync, ftruncateSync, mkdirSync, openAsBlob, openSync, readdirSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startBenchServer } from "./server";

/**
 * Upload memory bench: the app's resident memory must not grow with file size, because the bytes
 * go from the client straight to storage (presigned POST) and completion reads only a HEAD and
 * the first 4 KB. Starts the production server (scripts/e2e-server.ts: scratch DB + s3rver),
 * warms the upload routes up with small files, then uploads a 200 MB file through the real flow
 * (POST /api/uploads → POST to s3rver → POST /api/uploads/{id}/complete → download redirect)
 * while sampling the RSS of the next-server process tree from /proc every 50 ms.
 * Prints `{"metric":"upload_rss_delta_mb",...}` and exits 1 when the peak growth exceeds the limit.
 *
 * What it measures is the next-server process alone (s3rver, which receives the bytes, runs in the
 * wrapper and is not counted): peak RSS during the upload minus the highest of ten samples taken
 * after the warm-up. The app never holds the file's bytes, so the delta is only the few requests'
 * own allocations; it measured 0.1 MB for 200 MB (npm run bench, Dec 2026). The default limit of
 * 8 MB leaves room for GC timing, and still fails if anything buffered even 4 % of the file.
 *
 * Env: BENCH_UPLOAD_MB (default 200), BENCH_RSS_LIMIT_MB (default 8), BENCH_PORT (default 3310).
 */
const FILE_MB = Number(process.env.BENCH_UPLOAD_MB ?? 200);
const LIMIT_MB = Number(process.env.BENCH_RSS_LIMIT_MB ?? 8);
const MB = 1024 * 1024;

/** Parent → children, from /proc. */
function processChildren(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited meanwhile
    }
  }
  return children;
}

/**
 * The next-server process under the bench wrapper (tsx → e2e-server → next start). Next renames
 * its process title to `next-server (vX)`, so look for that title among the descendants; the
 * wrapper itself also runs s3rver and the database, which must not be counted.
 */
function findNextServer(root: number): number {
  const children = processChildren();
  const stack = [root];
  while (stack.length) {
    const pid = stack.shift()!;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("next-server")) return pid;
    } catch {
      // exited meanwhile
    }
    stack.push(...(children.get(pid) ?? []));
  }
  throw new Error(`no next-server process under pid ${root}`);
}

/** Resident memory (MiB) of a process and all its descendants, from /proc. */
export function treeRssMb(root: number): number {
  const children = processChildren();
  let kb = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A file that sniffs as a zip: the PK header, then zeros (sparse on disk, nothing to generate). */
function makeZip(file: string, bytes: number): void {
  const fd = openSync(file, "w");
  try {
    writeSync(fd, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

async function api<T>(base: string, p: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; json: T; location: string | null }> {
  const res = await fetch(`${base}${p}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: "manual",
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T, location: res.headers.get("location") };
}

interface Created {
  file: { id: string };
  upload: { url: string; fields: Record<string, string> };
}

/** The whole client flow for one file on disk; the bytes are streamed from disk to storage. */
async function uploadFlow(base: string, token: string, file: string, size: number): Promise<void> {
  const created = await api<Created>(base, "/api/uploads", {
    token,
    body: { filename: path.basename(file), contentType: "application/zip", size, visibility: "private" },
  });
  if (created.status !== 201) throw new Error(`create upload: ${created.status} ${JSON.stringify(created.json)}`);
  const form = new FormData();
  for (const [k, v] of Object.entries(created.json.upload.fields)) form.append(k, v);
  form.append("file", await openAsBlob(file, { type: "application/zip" }), path.basename(file));
  const stored = await fetch(created.json.upload.url, { method: "POST", body: form });
  await stored.arrayBuffer();
  if (!stored.ok) throw new Error(`storage POST: ${stored.status}`);
  const done = await api(base, `/api/uploads/${created.json.file.id}/complete`, { token, method: "POST" });
  if (done.status !== 200) throw new Error(`complete: ${done.status} ${JSON.stringify(done.json)}`);
  const dl = await api(base, `/api/files/${created.json.file.id}/download`, { token });
  if (dl.status !== 302 || !dl.location) throw new Error(`download: ${dl.status}`);
}

async function main() {
  const work = path.join(tmpdir(), `onlywave-upload-bench-${process.pid}`);
  const server = await startBenchServer(Number(process.env.BENCH_PORT ?? 3310));
  try {
    const email = `bench-${Date.now()}@example.com`;
    const password = "bench-upload-2026";
    await api(server.url, "/api/users", { body: { name: "Bench", email, password } });
    const tokenRes = await api<{ token: string }>(server.url, "/api/tokens", { body: { email, password } });
    const token = tokenRes.json.token;
    const nextPid = findNextServer(server.pid);

    mkdirSync(work, { recursive: true });
    const small = path.join(work, "aquecimento.zip");
    const big = path.join(work, "grande.zip");
    makeZip(small, 1 * MB);
    makeZip(big, FILE_MB * MB);

    // Warm-up: load and JIT every route of the flow so the measurement sees only per-byte costs.
    for (let i = 0; i < 5; i++) await uploadFlow(server.url, token, small, MB);
    await sleep(2000);
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      samples.push(treeRssMb(nextPid));
      await sleep(100);
    }
    const baseline = Math.max(...samples);

    let peak = baseline;
    const timer = setInterval(() => {
      peak = Math.max(peak, treeRssMb(nextPid));
    }, 50);
    const started = Date.now();
    await uploadFlow(server.url, token, big, FILE_MB * MB);
    const seconds = (Date.now() - started) / 1000;
    await sleep(1000);
    clearInterval(timer);
    const after = treeRssMb(nextPid);
    peak = Math.max(peak, after);

    const value = Math.round((peak - baseline) * 10) / 10;
    console.log(
      JSON.stringify({
        metric: "upload_rss_delta_mb",
        value,
        baselineRssMb: Math.round(baseline * 10) / 10,
        peakRssMb: Math.round(peak * 10) / 10,
        afterRssMb: Math.round(after * 10) / 10,
        fileMb: FILE_MB,
        pid: nextPid,
        uploadSeconds: Math.round(seconds * 10) / 10,
        limitMb: LIMIT_MB,
      }),
    );
    console.log(
      `upload memory: next-server RSS grew by ${value} MB at peak while uploading ${FILE_MB} MB (baseline ${Math.round(baseline)} MB; limit ${LIMIT_MB} MB) — ${value > LIMIT_MB ? "FAILS" : "passes"}`,
    );
    if (value > LIMIT_MB) {
      console.error(`RSS grew by ${value} MB while uploading ${FILE_MB} MB (limit ${LIMIT_MB} MB)`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

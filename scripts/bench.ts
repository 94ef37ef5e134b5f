import { createHmac, randomUUID } from "node:crypto";
import { type HttpResult, runHttp, type Scenario } from "./bench/http";
import { runAllBenches } from "./bench/run-all";
import { ensureBenchBuild, startBenchServer } from "./bench/server";
import { webhookVerdict } from "./bench/verdict";

/**
 * `npm run bench`: builds (unless `.next` holds a bench build newer than the sources), starts it and
 * reports requests/s and p50/p99 latency of each route against GET /api/health measured in the same
 * run (ratios, not absolute targets, so results compare across machines), then runs the upload
 * memory and outbox throughput benches, even when the HTTP bench failed. Loopback only, bounded
 * duration; exits 1 when any bench failed.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

function scenarios(env: Record<string, string>): Scenario[] {
  const secret = env.MERCADOPAGO_WEBHOOK_SECRET!;
  let seq = 0;
  return [
    { name: "GET /api/products", path: "/api/products?limit=20" },
    { name: "GET /api/products?q=", path: "/api/products?q=prancha&limit=10" },
    {
      // Valid signatures and unique ids: every request is a new notification to verify and record.
      name: "POST /api/webhooks/mercadopago",
      path: "/api/webhooks/mercadopago",
      method: "POST",
      setupRequest: (req) => {
        const dataId = String(9_000_000_000 + ++seq);
        const requestId = randomUUID();
        const ts = String(Date.now());
        const v1 = createHmac("sha256", secret).update(`id:${dataId};request-id:${requestId};ts:${ts};`).digest("hex");
        return {
          ...req,
          path: `/api/webhooks/mercadopago?data.id=${dataId}&type=payment`,
          headers: { "content-type": "application/json", "x-request-id": requestId, "x-signature": `ts=${ts},v1=${v1}` },
          body: JSON.stringify({ id: Date.now() * 1000 + seq, type: "payment", action: "payment.updated", api_version: "v1", live_mode: false, data: { id: dataId } }),
        };
      },
    },
  ];
}

function row(r: HttpResult, base?: HttpResult) {
  const ratio = base ? (r.requestsPerSecond / base.requestsPerSecond).toFixed(2) : "1.00";
  return `${r.name.padEnd(34)} ${String(r.requestsPerSecond).padStart(7)} req/s  p50 ${String(r.p50Ms).padStart(4)} ms  p99 ${String(r.p99Ms).padStart(4)} ms  ratio ${ratio}${r.non2xx ? `  non2xx ${r.non2xx}` : ""}${r.errors ? `  errors ${r.errors}` : ""}`;
}

async function httpBench(): Promise<void> {
  const server = await startBenchServer(Number(process.env.BENCH_PORT ?? 3300));
  try {
    const warm = { connections: 5, seconds: 2 };
    await runHttp(server.url, { name: "warm-up", path: "/api/health" }, warm);
    const baseline = await runHttp(server.url, { name: "GET /api/health (baseline)", path: "/api/health" }, { connections: CONNECTIONS, seconds: SECONDS });
    const results: HttpResult[] = [];
    for (const s of scenarios(server.env)) {
      await runHttp(server.url, s, warm);
      results.push(await runHttp(server.url, s, { connections: CONNECTIONS, seconds: SECONDS }));
    }
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per route, ratio = req/s ÷ baseline req/s`);
    console.log(row(baseline));
    for (const r of results) console.log(row(r, baseline));
    const webhook = results.find((r) => r.name.startsWith("POST /api/webhooks"));
    if (webhook) console.log(webhookVerdict(webhook, baseline));
    console.log(JSON.stringify({ baseline, results }));
  } finally {
    await server.stop();
  }
}

async function main() {
  // Every bench needs a current production build: make it once, here, so the ones below reuse it.
  ensureBenchBuild();
  if (!(await runAllBenches(httpBench, EXTRA))) process.exit(1);
}

/** Memory of uploads (RSS must not grow with file size) and email outbox throughput. */
const EXTRA = ["scripts/bench/upload-memory.ts", "scripts/bench/outbox-throughput.ts"];

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

import { createTransport } from "nodemailer";
import { renderEmail } from "@/emails";
import { resetConfig } from "@/lib/config";
import { closeDb, getDb, schema } from "@/lib/db";
import { migratePostgres } from "@/lib/db/migrate";
import { createSmtpProvider, type EmailProvider } from "@/lib/email/providers";
import { processOutbox } from "@/lib/email/outbox/process-outbox";
import { parseFromAddress } from "@/lib/email/outbox/providers";
import { startSmtpCatcher } from "../../emulators/smtp/index";
import { assertLocalDatabase, createScratchDatabase } from "../lib/database";

/**
 * Outbox throughput: N emails drained by the real worker (`processOutbox`: claim, send, record) to a
 * local SMTP server, once through the pooled SMTP provider and once with a fresh connection per
 * email, at the same concurrency. Prints `{metric:"outbox_emails_per_second", pooled, unpooled,
 * ratio}` as the last line. The database is a scratch one: in-memory PGlite, or a throwaway
 * PostgreSQL database when DATABASE_URL is set (local only).
 *
 * Emails are stored pre-rendered (as a retry finds them) so the number measures the outbox and the
 * transport, not react-email; BENCH_OUTBOX_RENDER=1 renders each one in the worker instead.
 */
const N = Number(process.env.BENCH_EMAILS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_OUTBOX_CONCURRENCY ?? 5);
const RENDER = process.env.BENCH_OUTBOX_RENDER === "1";

/** nodemailer without `pool`: every sendMail opens, uses and closes its own SMTP connection. */
function unpooledSmtp(smtpUrl: string): EmailProvider {
  const transport = createTransport({ url: smtpUrl });
  return {
    name: "smtp",
    async send(message) {
      const info = await transport.sendMail({
        from: typeof message.from === "string" ? message.from : { name: message.from.name ?? "", address: message.from.email },
        to: typeof message.to === "string" ? message.to : String(message.to),
        subject: message.subject,
        html: message.html,
        text: message.text,
      });
      return { providerMessageId: info.messageId ?? null };
    },
  };
}

async function openScratchDatabase(): Promise<() => Promise<void>> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    process.env.PGLITE_DATA_DIR = "memory://";
    resetConfig();
    return async () => {};
  }
  assertLocalDatabase(base);
  const scratch = await createScratchDatabase(base, "onlywave_bench");
  await migratePostgres(scratch.url);
  process.env.DATABASE_URL = scratch.url;
  resetConfig();
  return () => scratch.drop();
}

async function enqueueBatch(tag: string): Promise<void> {
  const props = { name: "Bench", shopUrl: "https://onlywave.com.br" };
  const content = RENDER ? {} : await renderEmail("welcome", props);
  const rows = Array.from({ length: N }, (_, i) => ({
    template: "welcome",
    to: `${tag}-${i}@bench.test`,
    props,
    dedupeKey: `bench:${tag}:${i}`,
    ...content,
  }));
  const db = await getDb();
  for (let i = 0; i < rows.length; i += 100) await db.insert(schema.emailOutbox).values(rows.slice(i, i + 100));
}

async function drain(tag: string, primary: EmailProvider): Promise<number> {
  await enqueueBatch(tag);
  const started = performance.now();
  let sent = 0;
  for (;;) {
    const r = await processOutbox({ providers: { primary, from: parseFromAddress("OnlyWave <bench@onlywave.test>") }, concurrency: CONCURRENCY, batchSize: 50 });
    sent += r.sent;
    if (r.claimed === 0) break;
    if (r.failed > 0 || r.retrying > 0) throw new Error(`bench sends failed: ${JSON.stringify(r)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  if (sent !== N) throw new Error(`expected ${N} sent, got ${sent}`);
  return Math.round((N / seconds) * 10) / 10;
}

async function main() {
  const dropDb = await openScratchDatabase();
  const catcher = await startSmtpCatcher({ rejectRecipients: null });
  const pooled = createSmtpProvider({ smtpUrl: catcher.url, maxConnections: CONCURRENCY });
  try {
    await getDb();
    // Warm-up: first connections, JIT, prepared statements.
    await drain("warm", pooled);
    const pooledEps = await drain("pooled", pooled);
    const pooledSessions = new Set(catcher.messages.filter((m) => m.to[0]?.startsWith("pooled-")).map((m) => m.sessionId)).size;
    const unpooledEps = await drain("unpooled", unpooledSmtp(catcher.url));
    const unpooledSessions = new Set(catcher.messages.filter((m) => m.to[0]?.startsWith("unpooled-")).map((m) => m.sessionId)).size;
    console.log(`outbox → local SMTP, ${N} emails, concurrency ${CONCURRENCY}${RENDER ? ", rendering each" : ", pre-rendered"}`);
    console.log(`  pooled    ${pooledEps} emails/s over ${pooledSessions} SMTP connection(s)`);
    console.log(`  unpooled  ${unpooledEps} emails/s over ${unpooledSessions} SMTP connection(s)`);
    console.log(
      JSON.stringify({
        metric: "outbox_emails_per_second",
        pooled: pooledEps,
        unpooled: unpooledEps,
        ratio: Math.round((pooledEps / unpooledEps) * 100) / 100,
        emails: N,
        concurrency: CONCURRENCY,
        rendered: RENDER,
        connections: { pooled: pooledSessions, unpooled: unpooledSessions },
        database: process.env.DATABASE_URL ? "postgres" : "pglite",
      }),
    );
  } finally {
    await pooled.close?.();
    await catcher.close();
    await closeDb();
    await dropDb();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

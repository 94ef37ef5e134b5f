import { captureWorkerError } from "@/lib/observability/report";
import { claimEmails } from "./claim-emails";
import { type DeliveryOutcome, deliverEmail } from "./deliver-email";
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, leaseMsFor } from "./policy";
import { type OutboxProviders, outboxProviders } from "./providers";

export interface ProcessOutboxOptions {
  /** Rows claimed per round trip; default 10. The claim's lease grows with it (`leaseMsFor`). */
  batchSize?: number;
  /** Stop after this many batches even if more is due (keeps one pass bounded); default 100. */
  maxBatches?: number;
  /** Sends in flight at once; lets a pooled SMTP transport use its connections. Default 5. */
  concurrency?: number;
  /** Only these rows (a one-off send, tests); default: every due row. */
  ids?: readonly string[];
  /** Injectable clock: what "due" means and where back-off starts. Default: now. */
  now?: Date;
  /** Default: the providers from configuration (`outboxProviders()`). */
  providers?: OutboxProviders;
}

export type ProcessOutboxResult = Record<DeliveryOutcome, number> & { claimed: number };

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await run(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * One worker pass: claims due emails batch by batch and delivers them, until nothing is due. Safe to
 * run in several processes at once (claims skip locked rows) and never inside a request: callers
 * enqueue and the worker (`startOutboxWorker`) calls this. Without a configured provider it leaves
 * everything queued.
 */
export async function processOutbox(opts: ProcessOutboxOptions = {}): Promise<ProcessOutboxResult> {
  const result: ProcessOutboxResult = { claimed: 0, sent: 0, retrying: 0, failed: 0, suppressed: 0, lost: 0 };
  const providers = opts.providers ?? outboxProviders();
  if (!providers) return result;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  // Long enough for the whole batch at its worst, so a live worker keeps every row it claimed.
  const leaseMs = leaseMsFor(batchSize, concurrency);
  for (let b = 0; b < (opts.maxBatches ?? 100); b++) {
    const now = opts.now ?? new Date();
    const batch = await claimEmails({ limit: batchSize, now, ids: opts.ids, leaseMs });
    if (batch.length === 0) break;
    result.claimed += batch.length;
    await inParallel(batch, concurrency, async (row) => {
      try {
        result[await deliverEmail(row, providers, now)]++;
      } catch (err) {
        // A database hiccup while recording: the lease expires and another pass retries the row.
        captureWorkerError(err, { worker: "email", jobId: row.id, attempt: row.attempts });
      }
    });
    if (batch.length < batchSize) break;
  }
  return result;
}

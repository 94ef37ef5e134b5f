import { Counter } from "prom-client";
import { boundedLabel } from "../labels";
import { metricGroup } from "../metrics";

/** Steps of a direct-to-storage upload. */
export type UploadEvent = "started" | "completed" | "rejected";

/** Input of `recordUpload` (same shape as lib/files' `recordUploadEvent`, so it can delegate). */
export interface UploadRecord {
  event: UploadEvent;
  /** Why it was rejected (e.g. `too-large`, `type-not-allowed`, `content-mismatch`); only for `rejected`. */
  reason?: string;
  /** Stored size in bytes; counted only for `completed`. */
  bytes?: number;
}

/** Upload counters; exported so every scrape lists the families. */
export const uploadMetrics = () =>
  metricGroup("uploads", (registry) => ({
    started: new Counter({
      name: "onlywave_uploads_started_total",
      help: "Uploads started (presigned form issued).",
      registers: [registry],
    }),
    completed: new Counter({
      name: "onlywave_uploads_completed_total",
      help: "Uploads completed and verified (exists, size and content type match).",
      registers: [registry],
    }),
    rejected: new Counter({
      name: "onlywave_uploads_rejected_total",
      help: "Uploads refused at start or at completion, by reason.",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    bytes: new Counter({
      name: "onlywave_upload_bytes_total",
      help: "Bytes of completed uploads.",
      registers: [registry],
    }),
  }));

/** Records one upload step. */
export function recordUpload(input: UploadRecord): void {
  const m = uploadMetrics();
  if (input.event === "started") m.started.inc();
  else if (input.event === "rejected") {
    m.rejected.inc({ reason: boundedLabel("onlywave_uploads_rejected_total", "reason", input.reason) });
  } else {
    m.completed.inc();
    const bytes = input.bytes ?? 0;
    if (Number.isSafeInteger(bytes) && bytes > 0) m.bytes.inc(bytes);
  }
}

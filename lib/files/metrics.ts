import { logger } from "@/lib/observability/logger";

/** What happened to an upload. */
export type UploadEvent = "started" | "completed" | "rejected";

/** Why an upload was rejected (bounded set: safe as a metric label). */
export type UploadRejectReason =
  | "too-large"
  | "type-not-allowed"
  | "bad-filename"
  | "bad-size"
  | "purpose-not-allowed"
  | "missing"
  | "size-mismatch"
  | "type-mismatch"
  | "content-mismatch";

/** Input of `recordUploadEvent`. */
export interface UploadEventInput {
  event: UploadEvent;
  reason?: UploadRejectReason;
  /** Declared (started) or stored (completed) size in bytes. */
  bytes?: number;
}

/**
 * The one seam for upload metrics: every place an upload starts, completes or is rejected calls
 * this. For now it only logs; the monitoring change turns it into Prometheus counters
 * (e.g. `uploads_total{event,reason}` and `upload_bytes_total`) without touching the callers.
 */
export function recordUploadEvent(input: UploadEventInput): void {
  logger().info({ upload: input }, `upload ${input.event}`);
}

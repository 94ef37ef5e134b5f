import { recordUpload } from "@/lib/observability/record";

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
 * this; it feeds the Prometheus upload counters and bytes.
 */
export function recordUploadEvent(input: UploadEventInput): void {
  recordUpload(input);
}

/**
 * Types of the S3 storage provider. The domain (`lib/files`, routes) talks to this interface and
 * never to the AWS SDK directly, so AWS S3, MinIO/R2-style servers and the local s3rver emulator
 * are interchangeable.
 */

/** Explicit options; `lib/config.ts` maps environment variables to these. */
export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** Custom endpoint for S3-compatible servers (e.g. `http://127.0.0.1:4569`); omit for AWS. */
  endpoint?: string | undefined;
  /** Path-style addressing (`endpoint/bucket/key`); needed by s3rver and most local servers. */
  forcePathStyle?: boolean | undefined;
  /** Static credentials; when omitted the SDK's default provider chain is used (e.g. an IAM role). */
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** Base URL of public objects when there is no CDN (e.g. `https://files.onlywave.com.br`). */
  publicBaseUrl?: string | undefined;
}

/** Input of `presignUpload`. */
export interface PresignUploadInput {
  /** Object key made by `lib/files/keys.ts`; never derived from user input. */
  key: string;
  /** Exact content type the browser must send (enforced by the POST policy on real S3). */
  contentType: string;
  /** Exact size in bytes (policy `content-length-range` size..size). */
  size: number;
  /** Stored as the object's `Cache-Control` (exact match in the policy). */
  cacheControl?: string | undefined;
  /** Validity of the form, in seconds; keep it short (e.g. 600). */
  expiresInSeconds: number;
}

/** A browser-ready form upload: POST `multipart/form-data` to `url` with `fields`, then `file` last. */
export interface PresignedUpload {
  method: "POST";
  url: string;
  fields: Record<string, string>;
  expiresAt: Date;
}

/** Metadata of a stored object, from HEAD. */
export interface ObjectInfo {
  size: number;
  contentType: string | undefined;
  /** ETag without surrounding quotes. */
  etag: string | undefined;
  lastModified: Date | undefined;
}

/** Input of `presignGet`. */
export interface PresignGetInput {
  key: string;
  expiresInSeconds: number;
  /** Filename offered to the user (any Unicode; encoded per RFC 6266/5987). */
  downloadFilename?: string | undefined;
  /** `inline` instead of `attachment` disposition. */
  inline?: boolean | undefined;
  /** Overrides the response `Content-Type` (use the type recorded in our database). */
  contentType?: string | undefined;
}

/** A time-limited download URL. */
export interface PresignedGet {
  url: string;
  expiresAt: Date;
}

/** Input of `ensureBucket`. */
export interface EnsureBucketInput {
  /** Browser origins allowed to POST/PUT/GET directly (e.g. `https://onlywave.com.br`). Empty: CORS untouched. */
  corsOrigins: readonly string[];
}

/** Metadata a server-side copy or a put gives the new object (a copy replaces the source's metadata). */
export interface CopyObjectMetadata {
  contentType: string;
  cacheControl: string;
  /** Stored `Content-Disposition` for direct hits on the object, e.g. `contentDisposition("inline", name)`. */
  contentDisposition?: string | undefined;
}

/** Result of `ping` (readiness probe). */
export type PingResult = { ok: true; latencyMs: number } | { ok: false; latencyMs: number; error: string };

/** The storage operations the rest of the app may use. */
export interface StorageProvider {
  readonly bucket: string;
  presignUpload(input: PresignUploadInput): Promise<PresignedUpload>;
  head(key: string): Promise<ObjectInfo | null>;
  readFirstBytes(key: string, n: number): Promise<Uint8Array | null>;
  presignGet(input: PresignGetInput): Promise<PresignedGet>;
  delete(key: string): Promise<void>;
  /** Server-side copy inside the bucket (no bytes through this process), with replaced metadata. */
  copy(fromKey: string, toKey: string, metadata: CopyObjectMetadata): Promise<void>;
  /** Stores bytes made by this process (image variants); uploads from clients never come through here. */
  put(key: string, body: Uint8Array, metadata: CopyObjectMetadata): Promise<void>;
  publicUrl(key: string): string;
  ensureBucket(input: EnsureBucketInput): Promise<{ created: boolean }>;
  ping(timeoutMs?: number): Promise<PingResult>;
}

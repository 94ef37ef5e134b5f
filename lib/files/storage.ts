import { type AppConfig, config } from "@/lib/config";
import { errors } from "@/lib/http/errors";
import { type Cdn, createCdn } from "@/lib/integrations/cloudfront";
import { createS3Storage, type S3StorageOptions, type StorageProvider } from "@/lib/integrations/s3";
import { type CopyObjectInput, copyFileObject } from "./object-copy";

/** Storage plus the CDN, and the server-side copy with the metadata file objects get. */
export interface FileStorage {
  storage: StorageProvider;
  cdn: Cdn;
  /** Copies an object inside the bucket, replacing its metadata (upload completion, visibility changes). */
  copy(input: CopyObjectInput): Promise<void>;
}

const KEY = Symbol.for("onlywave.fileStorage");
type Holder = { [KEY]?: { cfg: AppConfig; value: FileStorage } };

/** Maps the typed configuration to the S3 provider options (exported for scripts and tests). */
export function s3OptionsFrom(cfg: AppConfig): S3StorageOptions {
  if (!cfg.s3.bucket) throw errors.unavailable("O armazenamento de arquivos não está configurado.");
  return {
    bucket: cfg.s3.bucket,
    region: cfg.s3.region,
    endpoint: cfg.s3.endpoint,
    forcePathStyle: cfg.s3.forcePathStyle,
    accessKeyId: cfg.s3.accessKeyId,
    secretAccessKey: cfg.s3.secretAccessKey,
  };
}

/**
 * The process-wide storage, CDN and copier, built from `config()`. Cached on globalThis (route
 * bundles and HMR share one S3 client) and rebuilt whenever `config()` returns a new object, so a
 * test that edits env and calls `resetConfig()` gets a storage pointed at the new values.
 * Throws 503 when S3_BUCKET is unset (no storage, and no stand-in was started).
 */
export function fileStorage(): FileStorage {
  const cfg = config();
  const g = globalThis as Holder;
  const cached = g[KEY];
  if (cached && cached.cfg === cfg) return cached.value;
  const storage = createS3Storage(s3OptionsFrom(cfg));
  const value: FileStorage = {
    storage,
    cdn: createCdn({
      baseUrl: cfg.cdn.baseUrl,
      distributionId: cfg.cdn.distributionId,
      keyPairId: cfg.cdn.keyPairId,
      privateKey: cfg.cdn.privateKey,
    }),
    copy: (input) => copyFileObject(storage, input),
  };
  g[KEY] = { cfg, value };
  return value;
}

/** Drops the cached storage (tests that swap the emulator or the CDN settings). */
export function resetFileStorage(): void {
  delete (globalThis as Holder)[KEY];
}

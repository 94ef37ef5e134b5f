/**
 * Local S3 stand-in for development and tests: s3rver (filesystem-backed) with our bucket created
 * and a CORS rule for direct browser uploads.
 *
 * What s3rver does NOT do (so tests must not rely on it): verify SigV4 signatures (tampered or
 * wrong-key requests succeed), enforce presigned-POST policy conditions (size, type, key), or
 * restrict anonymous access (unsigned GETs of "private" objects succeed). It does enforce the
 * expiry of presigned URLs and answers CORS preflights from the bucket's CORS configuration.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/** Credentials s3rver accepts out of the box. */
export const S3RVER_ACCESS_KEY_ID = "S3RVER";
export const S3RVER_SECRET_ACCESS_KEY = "S3RVER";
/** s3rver ignores regions; this is what clients should sign with. */
export const S3_EMULATOR_REGION = "us-east-1";

/** Options of `startS3Emulator`. */
export interface S3EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Listen address; default `127.0.0.1`. */
  host?: string;
  /** Where objects are stored; default a fresh temp dir, removed on `close()`. */
  directory?: string;
  /** Bucket to create; default `onlywave`. */
  bucket?: string;
  /** Origins allowed by the bucket's CORS rule; default `["*"]`. */
  corsOrigins?: string[];
}

/** A running emulator and what a client needs to reach it. */
export interface S3Emulator {
  endpoint: string;
  port: number;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  directory: string;
  close(): Promise<void>;
}

const escapeXml = (value: string): string =>
  value.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** The bucket CORS document s3rver is configured with (same rule `ensureBucket` puts on S3). */
export function corsConfigurationXml(origins: readonly string[]): string {
  const tags = (name: string, values: readonly string[]) =>
    values.map((v) => `<${name}>${escapeXml(v)}</${name}>`).join("");
  return (
    '<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><CORSRule>' +
    tags("AllowedOrigin", origins) +
    tags("AllowedMethod", ["GET", "HEAD", "POST", "PUT"]) +
    tags("AllowedHeader", ["*"]) +
    tags("ExposeHeader", ["ETag"]) +
    "<MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>"
  );
}

function clientHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/** Starts s3rver with the bucket and CORS in place. Call `close()` when done. */
export async function startS3Emulator(options: S3EmulatorOptions = {}): Promise<S3Emulator> {
  const host = options.host ?? "127.0.0.1";
  const bucket = options.bucket ?? "onlywave";
  const ownsDirectory = options.directory === undefined;
  const directory = options.directory
    ? path.resolve(options.directory)
    : await mkdtemp(path.join(tmpdir(), "onlywave-s3-"));
  await mkdir(directory, { recursive: true });

  const server = new S3rver({
    address: host,
    port: options.port ?? 0,
    directory,
    silent: true,
    // Path-style only: `http://host:port/<bucket>/<key>` (clients set forcePathStyle).
    vhostBuckets: false,
    configureBuckets: [{ name: bucket, configs: [corsConfigurationXml(options.corsOrigins ?? ["*"])] }],
  });
  let address: Awaited<ReturnType<typeof server.run>>;
  try {
    address = await server.run();
  } catch (error) {
    if (ownsDirectory) await rm(directory, { recursive: true, force: true });
    throw error;
  }

  let closed = false;
  return {
    endpoint: `http://${clientHost(host)}:${address.port}`,
    port: address.port,
    bucket,
    region: S3_EMULATOR_REGION,
    accessKeyId: S3RVER_ACCESS_KEY_ID,
    secretAccessKey: S3RVER_SECRET_ACCESS_KEY,
    directory,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      if (ownsDirectory) await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The environment variables the app reads to use this emulator (see `lib/config.ts`). */
export function s3EmulatorEnv(emulator: S3Emulator): Record<string, string> {
  return {
    S3_ENDPOINT: emulator.endpoint,
    S3_BUCKET: emulator.bucket,
    S3_REGION: emulator.region,
    S3_FORCE_PATH_STYLE: "true",
    AWS_ACCESS_KEY_ID: emulator.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emulator.secretAccessKey,
  };
}

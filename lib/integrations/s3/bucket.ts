import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
} from "@aws-sdk/client-s3";
import { isNotFound, type S3Context } from "./client";
import type { EnsureBucketInput, PingResult } from "./types";

/** Methods a browser may use directly against the bucket (form POST, presigned PUT/GET). */
export const CORS_METHODS = ["GET", "HEAD", "POST", "PUT"] as const;

/** Builds the CORS rule for direct browser uploads and downloads. */
export function corsRule(origins: readonly string[]) {
  return {
    AllowedOrigins: [...origins],
    AllowedMethods: [...CORS_METHODS],
    // The signature/policy decides what is accepted; headers are not a security boundary here.
    AllowedHeaders: ["*"],
    // Multipart uploads and upload completion read the ETag from JS.
    ExposeHeaders: ["ETag"],
    MaxAgeSeconds: 3000,
  };
}

/**
 * Creates the bucket if it does not exist, then sets its CORS configuration (replacing any
 * existing one) when `corsOrigins` is not empty. No ACLs: new AWS buckets have Object Ownership
 * "bucket owner enforced" and Block Public Access on by default, which is what we want.
 */
export async function ensureBucket(ctx: S3Context, input: EnsureBucketInput): Promise<{ created: boolean }> {
  let created = false;
  try {
    await ctx.client.send(new HeadBucketCommand({ Bucket: ctx.bucket }));
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const region = ctx.options.region;
    await ctx.client.send(
      new CreateBucketCommand({
        Bucket: ctx.bucket,
        // us-east-1 is the one region that rejects an explicit LocationConstraint.
        ...(region && region !== "us-east-1"
          ? { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }
          : {}),
      }),
    );
    created = true;
  }
  if (input.corsOrigins.length > 0) {
    await ctx.client.send(
      new PutBucketCorsCommand({
        Bucket: ctx.bucket,
        CORSConfiguration: { CORSRules: [corsRule(input.corsOrigins)] },
      }),
    );
  }
  return { created };
}

/** HeadBucket with a timeout, for the readiness endpoint. Never throws. */
export async function ping(ctx: S3Context, timeoutMs = 2000): Promise<PingResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    await ctx.client.send(new HeadBucketCommand({ Bucket: ctx.bucket }), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
    return { ok: true, latencyMs: elapsed() };
  } catch (error) {
    const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode;
    const detail = `${e.name ?? "Error"}${status ? ` (HTTP ${status})` : ""}: ${e.message ?? String(error)}`;
    return { ok: false, latencyMs: elapsed(), error: detail };
  }
}

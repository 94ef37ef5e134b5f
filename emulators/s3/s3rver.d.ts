// Minimal typings for s3rver 3.7 (no @types/s3rver installed); only what emulators/s3 uses.
declare module "s3rver" {
  import type { AddressInfo } from "node:net";

  interface S3rverBucketConfig {
    name: string;
    /** XML documents (CORSConfiguration / WebsiteConfiguration). */
    configs?: Array<string | Buffer>;
  }

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    serviceEndpoint?: string;
    configureBuckets?: S3rverBucketConfig[];
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    reset(): void;
  }

  export default S3rver;
}

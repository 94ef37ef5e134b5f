import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite ships WASM and data files that must load from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pino-pretty", "s3rver", "smtp-server"],
  // `next dev` would otherwise write AGENTS.md into the repository (toolchain.md).
  agentRules: false,
  images: { unoptimized: true },
};

export default nextConfig;

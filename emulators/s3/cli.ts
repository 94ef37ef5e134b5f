/**
 * Runs the S3 emulator on its own: `npx tsx emulators/s3/cli.ts`.
 * Env: S3_EMULATOR_PORT (default 4569), S3_EMULATOR_HOST (default 127.0.0.1),
 * S3_EMULATOR_DIR (default .data/s3), S3_EMULATOR_BUCKET (default onlywave),
 * S3_EMULATOR_CORS_ORIGINS (comma-separated, default *).
 * Prints the environment variables the app needs, then runs until SIGINT/SIGTERM.
 */
import { s3EmulatorEnv, startS3Emulator } from "./index";

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.S3_EMULATOR_PORT ?? 4569);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid S3_EMULATOR_PORT: ${env.S3_EMULATOR_PORT}`);
  }
  const corsOrigins = (env.S3_EMULATOR_CORS_ORIGINS ?? "*")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);

  const emulator = await startS3Emulator({
    port,
    host: env.S3_EMULATOR_HOST ?? "127.0.0.1",
    directory: env.S3_EMULATOR_DIR ?? ".data/s3",
    bucket: env.S3_EMULATOR_BUCKET ?? "onlywave",
    corsOrigins,
  });

  console.log(`S3 emulator (s3rver) on ${emulator.endpoint}, bucket "${emulator.bucket}", data in ${emulator.directory}`);
  for (const [name, value] of Object.entries(s3EmulatorEnv(emulator))) console.log(`${name}=${value}`);

  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

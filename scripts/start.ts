import { spawn } from "node:child_process";
import { config, missingForProduction } from "@/lib/config";
import { migratePostgres } from "@/lib/db/migrate";

function refuse(reason: string): never {
  console.error(`OnlyWave cannot start in production. ${reason}`);
  process.exit(1);
}

/**
 * `npm start`: production. Refuses to start while any required variable is missing (all listed at
 * once) or any value is invalid, applies pending migrations, then hands over to `next start`.
 * All of it happens before `next start`, so no build is needed to see what is wrong.
 */
async function main() {
  // NODE_ENV decides which checks apply, so it is read before the configuration is parsed.
  if (process.env.NODE_ENV === "production") {
    const missing = missingForProduction();
    if (missing.length) refuse(`Missing environment variables:\n${missing.map((m) => `  - ${m}`).join("\n")}`);
    let cfg: ReturnType<typeof config>;
    try {
      cfg = config();
    } catch (err) {
      refuse(err instanceof Error ? err.message : String(err));
    }
    // missingForProduction guarantees DATABASE_URL.
    await migratePostgres(cfg.database.url as string);
  }
  const args = [require.resolve("next/dist/bin/next"), "start", "-p", process.env.PORT ?? "3000"];
  const child = spawn(process.execPath, args, {
    stdio: "inherit",
    env: { ...process.env, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? process.env.APP_URL },
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

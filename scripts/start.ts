import { spawn } from "node:child_process";
import { missingForProduction } from "@/lib/config";
import { migratePostgres } from "@/lib/db/migrate";

/**
 * `npm start`: production. Refuses to start while any required variable is missing (all listed at
 * once), applies pending migrations, then hands over to `next start`.
 */
async function main() {
  if (process.env.NODE_ENV === "production") {
    const missing = missingForProduction();
    if (missing.length) {
      console.error(`OnlyWave cannot start in production. Missing environment variables:\n${missing.map((m) => `  - ${m}`).join("\n")}`);
      process.exit(1);
    }
    await migratePostgres(process.env.DATABASE_URL!);
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

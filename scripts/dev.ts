import { spawn } from "node:child_process";
import path from "node:path";
import { resetConfig } from "@/lib/config";
import { devAdminLogin, prepareDatabase } from "./lib/prepare";
import { startLocalStack } from "./lib/stack";

/**
 * `npm run dev`: the whole store on embedded defaults. Starts the stand-ins for every service the
 * environment does not configure, migrates and seeds the database, prints the admin login, and
 * runs `next dev` pointed at all of it.
 */
async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const dataDir = path.resolve(".data");

  const stack = await startLocalStack({
    appUrl,
    dataDir,
    ports: { mercadopago: 4010, s3: 4569, smtp: 2525, smtpHttp: 2580 },
    log: (line) => console.log(line),
  });
  Object.assign(process.env, stack.env, { APP_URL: appUrl });
  resetConfig();

  const admin = devAdminLogin(dataDir);
  const { seeded } = await prepareDatabase(admin);

  const line = "─".repeat(72);
  console.log(`\n${line}\n  OnlyWave (desenvolvimento)  ${appUrl}\n${line}`);
  console.log(`  Banco de dados         ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "PGlite embutido em .data/pglite"}${seeded ? " — catálogo semeado" : ""}`);
  for (const s of stack.summary) console.log(`  ${s}`);
  console.log(`\n  Admin: ${admin.email}  senha: ${admin.password}\n${line}\n`);

  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", "-p", String(port)], {
    stdio: "inherit",
    env: { ...process.env, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl },
  });
  const stop = async () => {
    child.kill("SIGTERM");
    await stack.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", async (code) => {
    await stack.close();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

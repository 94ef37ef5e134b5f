/**
 * `npm run statuscake:sync`: creates or updates the StatusCake uptime checks for
 * APP_URL/api/health and APP_URL/api/health/ready. Idempotent; safe to run on every deploy.
 *
 *   STATUSCAKE_API_KEY=... APP_URL=https://onlywave.com.br npm run statuscake:sync [-- --dry-run]
 *
 * Options: --dry-run (list what would change), --check-rate=<seconds> (default 60),
 * --contact-groups=<id,id> (StatusCake contact group ids), --tag=<tag> (extra tag, repeatable).
 * STATUSCAKE_API_URL overrides the API base URL (tests point it at a local stand-in).
 */
import { config } from "@/lib/config";
import { CHECK_RATES, type CheckRate, createStatusCakeClient, desiredUptimeChecks, syncUptimeChecks } from "@/lib/integrations/statuscake";

function flag(name: string): string[] {
  const prefix = `--${name}=`;
  return process.argv.slice(2).filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length));
}

async function main(): Promise<number> {
  const cfg = config();
  if (!cfg.statuscakeApiKey) {
    console.error("STATUSCAKE_API_KEY is not set: create an API key in StatusCake (Account → API keys) and export it.");
    return 1;
  }
  const host = new URL(cfg.appUrl).hostname;
  if (["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    console.error(`APP_URL is ${cfg.appUrl}: StatusCake probes the public internet, set APP_URL to the public address.`);
    return 1;
  }
  const rate = Number(flag("check-rate")[0] ?? 60);
  if (!(CHECK_RATES as readonly number[]).includes(rate)) {
    console.error(`--check-rate must be one of ${CHECK_RATES.join(", ")} (seconds).`);
    return 1;
  }
  const specs = desiredUptimeChecks(cfg.appUrl, {
    checkRate: rate as CheckRate,
    contactGroups: flag("contact-groups").flatMap((v) => v.split(",")).filter(Boolean),
    tags: flag("tag"),
  });
  const client = createStatusCakeClient({
    apiKey: cfg.statuscakeApiKey,
    // Read here, not in lib/config.ts: only this script and its test use it.
    baseUrl: process.env.STATUSCAKE_API_URL || undefined,
  });
  const dryRun = process.argv.includes("--dry-run");
  const actions = await syncUptimeChecks(client, specs, { dryRun, log: (l) => console.log(l) });
  console.log(`statuscake: ${actions.filter((a) => a.action === "created").length} created, ${actions.filter((a) => a.action === "updated").length} updated${dryRun ? " (dry run)" : ""}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);

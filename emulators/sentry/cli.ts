/**
 * Runs the Sentry ingest stand-in alone:
 *   npx tsx emulators/sentry/cli.ts [--port 3199] [--host 127.0.0.1]
 * then build/run the app with `SENTRY_DSN` / `NEXT_PUBLIC_SENTRY_DSN` set to the printed DSN.
 */
import { parseArgs } from "node:util";
import { startSentrySink } from "./index";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.SENTRY_SINK_PORT ?? "3199" },
      host: { type: "string", default: "127.0.0.1" },
    },
  });
  const sink = await startSentrySink({ port: Number(values.port), host: values.host, log: (l) => console.log(`  ${l}`) });
  console.log("Sentry sink running");
  console.log(`  DSN       ${sink.dsn}`);
  console.log(`  JSON      ${sink.url}/envelopes?type=event · ${sink.url}/events`);

  const stop = () => {
    sink.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

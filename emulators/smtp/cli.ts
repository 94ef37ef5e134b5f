/**
 * Runs the SMTP catcher alone:
 *   npx tsx emulators/smtp/cli.ts [--port 2525] [--http-port 8025] [--host 127.0.0.1] [--reject-pattern REGEX]
 */
import { parseArgs } from "node:util";
import { startSmtpCatcher } from "./index";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "2525" },
      "http-port": { type: "string", default: "8025" },
      host: { type: "string", default: "127.0.0.1" },
      "reject-pattern": { type: "string" },
    },
  });
  const catcher = await startSmtpCatcher({
    port: Number(values.port),
    httpPort: Number(values["http-port"]),
    host: values.host,
    ...(values["reject-pattern"] ? { rejectRecipients: new RegExp(values["reject-pattern"], "i") } : {}),
  });
  console.log("SMTP catcher running");
  console.log(`  smtpUrl   ${catcher.url}`);
  console.log(`  web       ${catcher.httpUrl}/`);
  console.log(`  JSON      ${catcher.httpUrl}/messages?to=ADDRESS`);
  console.log(`  550 for   ${String(catcher.rejectRecipients ?? "nobody")}`);
  catcher.onMessage((mail) => {
    console.log(`  mail #${mail.id} → ${mail.to.join(", ")}  "${mail.subject}"`);
  });

  const stop = () => {
    catcher.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * Runs the SendGrid emulator alone:
 *   npx tsx emulators/sendgrid/cli.ts [--port 4010] [--host 127.0.0.1] [--api-key SG.emulator-key]
 *       [--key-file .tmp/sendgrid-emulator-key.pem] [--webhook-url http://127.0.0.1:3000/api/webhooks/sendgrid]
 *
 * `--key-file` keeps the signing key (created on first run) so the public key the
 * app is configured with stays valid across restarts. `--webhook-url` makes it post
 * signed processed/delivered events after each accepted send.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { startSendGridEmulator } from "./index";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      "api-key": { type: "string", default: "SG.emulator-key" },
      "key-file": { type: "string" },
      "webhook-url": { type: "string" },
    },
  });
  const keyFile = values["key-file"];
  const signingKeyPem = keyFile && existsSync(keyFile) ? readFileSync(keyFile, "utf8") : undefined;
  const emulator = await startSendGridEmulator({
    port: Number(values.port),
    host: values.host,
    apiKey: values["api-key"],
    ...(signingKeyPem ? { signingKeyPem } : {}),
    ...(values["webhook-url"] ? { autoEvents: { webhookUrl: values["webhook-url"] } } : {}),
  });
  if (keyFile && !signingKeyPem) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, emulator.privateKeyPem, { mode: 0o600 });
  }

  console.log("SendGrid emulator running");
  console.log(`  apiUrl     ${emulator.url}`);
  console.log(`  apiKey     ${emulator.apiKey}`);
  console.log(`  publicKey  ${emulator.publicKey}`);
  console.log(`  requests   ${emulator.url}/__emulator/requests`);
  if (keyFile) console.log(`  key file   ${keyFile}${signingKeyPem ? " (reused)" : " (created)"}`);
  if (values["webhook-url"]) console.log(`  events →   ${values["webhook-url"]}`);

  const stop = () => {
    emulator.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm run emulator:mercadopago`: runs the emulator alone.
 *   MP_EMULATOR_PORT (default 4010), MP_EMULATOR_HOST (default 127.0.0.1),
 *   MP_EMULATOR_ACCESS_TOKEN, MP_EMULATOR_WEBHOOK_SECRET (generated and printed when unset),
 *   MP_EMULATOR_STATE_FILE (optional), MP_EMULATOR_PUBLIC_URL, MP_EMULATOR_AUTO_RETURN_DELAY_MS.
 */
import { startMercadoPagoEmulator } from "./index";

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a non-negative integer, got "${raw}"`);
    process.exit(1);
  }
  return value;
}

async function main() {
  const env = process.env;
  const emulator = await startMercadoPagoEmulator({
    port: intEnv("MP_EMULATOR_PORT", 4010),
    host: env.MP_EMULATOR_HOST || undefined,
    accessToken: env.MP_EMULATOR_ACCESS_TOKEN || undefined,
    webhookSecret: env.MP_EMULATOR_WEBHOOK_SECRET || undefined,
    stateFile: env.MP_EMULATOR_STATE_FILE || undefined,
    publicUrl: env.MP_EMULATOR_PUBLIC_URL || undefined,
    autoReturnDelayMs: intEnv("MP_EMULATOR_AUTO_RETURN_DELAY_MS", 0),
    log: (line) => console.log(`[mercadopago-emulator] ${line}`),
  });
  console.log(
    [
      "",
      `Mercado Pago emulator ready at ${emulator.url}  (admin page: ${emulator.url}/__emulator)`,
      "Point the app at it with:",
      `  MERCADOPAGO_API_URL=${emulator.url}`,
      `  MERCADOPAGO_ACCESS_TOKEN=${emulator.accessToken}`,
      `  MERCADOPAGO_WEBHOOK_SECRET=${emulator.webhookSecret}`,
      "",
    ].join("\n"),
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

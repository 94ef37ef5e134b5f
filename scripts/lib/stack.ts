import { mkdirSync } from "node:fs";
import path from "node:path";

/**
 * Starts the local stand-ins the app needs for whatever the environment leaves unconfigured:
 * the Mercado Pago emulator, an S3-compatible server and an SMTP catcher. Returns the environment
 * that points the app at them. Used by `npm run dev` and by the end-to-end server.
 */
export interface LocalStack {
  env: Record<string, string>;
  summary: string[];
  close(): Promise<void>;
}

export interface StackOptions {
  appUrl: string;
  /** Where stand-ins keep state between runs (dev); omit for throwaway state (tests). */
  dataDir?: string;
  ports?: { mercadopago?: number; s3?: number; smtp?: number; smtpHttp?: number };
  log?: (line: string) => void;
  source?: Record<string, string | undefined>;
}

export async function startLocalStack(opts: StackOptions): Promise<LocalStack> {
  const source = opts.source ?? process.env;
  const env: Record<string, string> = {};
  const summary: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  const log = opts.log ?? (() => {});
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });

  try {
    if (!source.MERCADOPAGO_ACCESS_TOKEN) {
      const { startMercadoPagoEmulator } = await import("../../emulators/mercadopago/index");
      const mp = await startMercadoPagoEmulator({
        port: opts.ports?.mercadopago ?? 0,
        stateFile: opts.dataDir ? path.join(opts.dataDir, "mercadopago-state.json") : undefined,
        log: (line: string) => log(`[mercadopago] ${line}`),
      });
      closers.push(() => mp.close());
      Object.assign(env, {
        MERCADOPAGO_API_URL: mp.url,
        MERCADOPAGO_ACCESS_TOKEN: mp.accessToken,
        MERCADOPAGO_WEBHOOK_SECRET: mp.webhookSecret,
      });
      summary.push(`Mercado Pago emulator  ${mp.url}  (painel: ${mp.url}/__emulator)`);
    }

    if (!source.S3_BUCKET) {
      const { startS3Emulator } = await import("../../emulators/s3/index");
      const s3 = await startS3Emulator({
        port: opts.ports?.s3 ?? 0,
        directory: opts.dataDir ? path.join(opts.dataDir, "s3") : undefined,
        corsOrigins: [opts.appUrl, opts.appUrl.replace("localhost", "127.0.0.1"), opts.appUrl.replace("127.0.0.1", "localhost")],
      });
      closers.push(() => s3.close());
      Object.assign(env, {
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: s3.bucket,
        S3_REGION: s3.region,
        S3_FORCE_PATH_STYLE: "true",
        AWS_ACCESS_KEY_ID: s3.accessKeyId,
        AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      });
      summary.push(`S3 (s3rver)            ${s3.endpoint}  bucket ${s3.bucket}`);
    }

    if (!source.EMAIL_PROVIDER) {
      const { startSmtpCatcher } = await import("../../emulators/smtp/index");
      const smtp = await startSmtpCatcher({ port: opts.ports?.smtp ?? 0, httpPort: opts.ports?.smtpHttp ?? 0 });
      closers.push(() => smtp.close());
      Object.assign(env, { EMAIL_PROVIDER: "smtp", SMTP_URL: smtp.url });
      // Read-only JSON view of caught mail (GET /messages?to=…): e2e specs take reset links from it.
      if (smtp.httpUrl) env.SMTP_CATCHER_URL = smtp.httpUrl;
      summary.push(`SMTP catcher           ${smtp.url}${smtp.httpUrl ? `  (mensagens: ${smtp.httpUrl}/messages)` : ""}`);
    }
  } catch (err) {
    for (const c of closers.reverse()) await c().catch(() => {});
    throw err;
  }

  return {
    env,
    summary,
    async close() {
      for (const c of closers.reverse()) await c().catch(() => {});
    },
  };
}

import { createPublicKey, type KeyObject, verify } from "node:crypto";

export {
  type ParsedSendGridBatch,
  parseSendGridEvents,
  SENDGRID_EVENT_TYPES,
  type SendGridEvent,
  SendGridEventParseError,
  type SendGridEventType,
} from "./sendgrid-events";

/** Header names SendGrid uses (Node/Next lower-case them: use `headers.get()`). */
export const SENDGRID_SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
export const SENDGRID_TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

export type SendGridSignatureFailure = "missing" | "malformed" | "stale" | "mismatch";

export type SendGridSignatureResult =
  | { ok: true; timestamp: number }
  | { ok: false; reason: SendGridSignatureFailure; detail: string };

export interface VerifySendGridSignatureInput {
  /**
   * The "Verification Key" from the dashboard: base64 SubjectPublicKeyInfo DER
   * (`MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…`), the same with PEM armour, or a
   * KeyObject from `parseSendGridPublicKey` to skip re-parsing on every request.
   */
  publicKey: string | KeyObject;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  /** The body exactly as received (`await req.text()` or its bytes), never re-serialised JSON. */
  rawBody: string | Uint8Array;
  /** Injectable clock for tests; defaults to now. */
  now?: Date | number;
  /** Max |now − timestamp|; default 300 s. SendGrid documents no window, this is our policy. */
  toleranceSeconds?: number;
}

/**
 * Parses SendGrid's verification key into a P-256 public key.
 * Throws on a bad key: that is a configuration error, not a bad request, and the
 * route should fail loudly (5xx makes SendGrid retry instead of losing events).
 */
export function parseSendGridPublicKey(publicKey: string): KeyObject {
  const base64 = publicKey
    .split(/\r?\n/)
    .filter((line) => !line.startsWith("-----"))
    .join("")
    .replace(/\s+/g, "");
  if (!base64) throw new TypeError("SendGrid webhook public key is empty");
  const key = createPublicKey({ key: Buffer.from(base64, "base64"), format: "der", type: "spki" });
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
    throw new TypeError("SendGrid webhook public key is not an ECDSA P-256 key");
  }
  return key;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** SEQUENCE { INTEGER r, INTEGER s } with short-form lengths, as P-256 signatures always are. */
function isDerEcdsaSignature(der: Buffer): boolean {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2 || der[2] !== 0x02) return false;
  const rLength = der[3] ?? 0;
  const sTag = 4 + rLength;
  if (rLength < 1 || rLength > 33 || der[sTag] !== 0x02) return false;
  const sLength = der[sTag + 1] ?? 0;
  return sLength >= 1 && sLength <= 33 && sTag + 2 + sLength === der.length;
}

/**
 * Verifies SendGrid's signed Event Webhook: ECDSA P-256 / SHA-256 over the UTF-8
 * bytes of `timestamp + rawBody` (no separator), signature base64 DER.
 *
 * The signature is checked before the clock so that `stale` only ever describes
 * a genuine SendGrid request replayed or delayed past the window; a forgery is
 * always `mismatch`.
 */
export function verifySendGridSignature(input: VerifySendGridSignatureInput): SendGridSignatureResult {
  const key = typeof input.publicKey === "string" ? parseSendGridPublicKey(input.publicKey) : input.publicKey;
  const signature = input.signature?.trim();
  const timestamp = input.timestamp?.trim();
  if (!signature || !timestamp) {
    return { ok: false, reason: "missing", detail: !signature ? "no signature header" : "no timestamp header" };
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: "malformed", detail: "timestamp is not unix seconds" };
  }
  if (!BASE64.test(signature) || signature.length % 4 !== 0) {
    return { ok: false, reason: "malformed", detail: "signature is not base64" };
  }

  const signatureDer = Buffer.from(signature, "base64");
  if (!isDerEcdsaSignature(signatureDer)) {
    return { ok: false, reason: "malformed", detail: "signature is not a DER ECDSA signature" };
  }

  const body = typeof input.rawBody === "string" ? Buffer.from(input.rawBody, "utf8") : Buffer.from(input.rawBody);
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
  let valid: boolean;
  try {
    valid = verify("sha256", signed, { key, dsaEncoding: "der" }, signatureDer);
  } catch {
    // OpenSSL refuses some non-DER blobs outright instead of returning false.
    return { ok: false, reason: "malformed", detail: "signature is not a DER ECDSA signature" };
  }
  if (!valid) return { ok: false, reason: "mismatch", detail: "signature does not match body and timestamp" };

  const nowSeconds = Math.floor((input.now === undefined ? Date.now() : Number(input.now)) / 1000);
  const tolerance = input.toleranceSeconds ?? 300;
  const ts = Number(timestamp);
  if (Math.abs(nowSeconds - ts) > tolerance) {
    return { ok: false, reason: "stale", detail: `timestamp ${ts} is ${nowSeconds - ts}s away from now` };
  }
  return { ok: true, timestamp: ts };
}

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";

export interface WebhookSigner {
  /** What SendGrid's dashboard shows as "Verification Key": base64 SPKI DER, no PEM armour. */
  publicKey: string;
  /** PKCS#8 PEM, to persist and reuse the same key across emulator restarts. */
  privateKeyPem: string;
  /** Base64 DER ECDSA-SHA256 signature over `timestamp + body`, exactly like SendGrid. */
  sign(timestamp: string, body: string): string;
}

/** Uses `privateKeyPem` when given, otherwise a fresh P-256 key pair. */
export function createWebhookSigner(privateKeyPem?: string): WebhookSigner {
  let privateKey: KeyObject;
  if (privateKeyPem) {
    privateKey = createPrivateKey(privateKeyPem);
    if (privateKey.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
      throw new TypeError("SendGrid emulator signing key must be an EC P-256 key");
    }
  } else {
    privateKey = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey;
  }
  const publicKey = createPublicKey(privateKey).export({ type: "spki", format: "der" }).toString("base64");
  return {
    publicKey,
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    sign(timestamp, body) {
      // crypto.sign defaults to DER-encoded ECDSA signatures, the form SendGrid sends.
      return sign("sha256", Buffer.from(timestamp + body, "utf8"), privateKey).toString("base64");
    },
  };
}

import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { AppError } from "../http/app-error";

/**
 * AES-256-GCM with a key id stored beside every ciphertext, so a key can be rotated and old
 * records still decrypt (docs/security.md, checklist item 12). The associated data binds a ciphertext to
 * the record and field it belongs to: a token copied into another row will not decrypt.
 */
export interface Keyring {
  readonly currentKid: string;
  /** The ids of every configured key (current and previous): what the start-up check compares stored ciphertexts with. */
  readonly kids: ReadonlySet<string>;
  encrypt(plaintext: string, aad: string): string;
  decrypt(sealed: string, aad: string): string;
}

const KEY_BYTES = 32;

/**
 * A stored secret this console cannot open: the key it was sealed with is not configured (a wrong
 * ENCRYPTION_KEY after a restore, a forgotten ENCRYPTION_KEYS_PREVIOUS), or the value was altered.
 * A 409 naming the fix, not a 500: the request is fine, the stored state and the keys disagree.
 */
export class UnreadableSecretError extends AppError {
  constructor(reason: string) {
    super(
      409,
      "conflict",
      `A stored secret of this connector cannot be opened: ${reason}. An operator must restart the console with the key it was sealed with ` +
        "as ENCRYPTION_KEY or in ENCRYPTION_KEYS_PREVIOUS; if that key is lost, re-enter the Client Secret (Enter details) and connect again.",
    );
  }
}

export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 12);
}

/** Parses a base64 (or base64url) 32-byte key; the message says how to make one. */
export function decodeKey(raw: string, name = "ENCRYPTION_KEY"): Buffer {
  const key = Buffer.from(raw.trim(), raw.includes("-") || raw.includes("_") ? "base64url" : "base64");
  if (key.length !== KEY_BYTES) {
    throw new Error(
      `${name} must be ${KEY_BYTES} random bytes in base64 (got ${key.length} bytes). ` +
        `Make one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`,
    );
  }
  return key;
}

/** The key id a ciphertext names, or null when it is not in the `v1.<kid>.…` format. */
export function keyIdOfSealed(sealed: string): string | null {
  const [version, kid] = sealed.split(".");
  return version === "v1" && kid ? kid : null;
}

export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function createKeyring(current: Buffer, previous: Buffer[] = []): Keyring {
  const keys = new Map<string, Buffer>();
  for (const k of [current, ...previous]) keys.set(keyIdOf(k), k);
  const currentKid = keyIdOf(current);
  return {
    currentKid,
    kids: new Set(keys.keys()),
    encrypt(plaintext, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current, iv);
      cipher.setAAD(Buffer.from(aad));
      const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ["v1", currentKid, iv.toString("base64url"), tag.toString("base64url"), ct.toString("base64url")].join(".");
    },
    decrypt(sealed, aad) {
      const [version, kid, iv, tag, ct] = sealed.split(".");
      if (version !== "v1" || !kid || !iv || !tag || ct === undefined) throw new UnreadableSecretError("it is not in a recognised format");
      const key = keys.get(kid);
      if (!key) throw new UnreadableSecretError(`no configured encryption key has its key id ${kid}`);
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(aad));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        // GCM's tag check: the value was altered or copied from another record (the kid matched).
        throw new UnreadableSecretError(`it fails its integrity check under key id ${kid}`);
      }
    },
  };
}

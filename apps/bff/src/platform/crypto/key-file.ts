import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { decodeKey, generateKey } from "./crypto";

export const KEY_FILE_NAME = "encryption.key";

/**
 * The key comes from ENCRYPTION_KEY. Outside production, a missing key is generated once into
 * DATA_DIR (mode 0600) so the embedded default works out of the box; production refuses to start.
 */
export function resolveEncryptionKey(p: { encryptionKey: string | undefined; nodeEnv: string; dataDir: string; log: Logger }): Buffer {
  if (p.encryptionKey) return decodeKey(p.encryptionKey);
  if (p.nodeEnv === "production") {
    throw new Error("ENCRYPTION_KEY is required in production: refusing to start without it (client secrets and tokens are encrypted with it).");
  }
  const file = path.join(p.dataDir, KEY_FILE_NAME);
  if (existsSync(file)) return decodeKey(readFileSync(file, "utf8"), file);
  mkdirSync(p.dataDir, { recursive: true, mode: 0o700 });
  const key = generateKey();
  writeFileSync(file, key.toString("base64") + "\n", { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  p.log.warn({ file }, "ENCRYPTION_KEY is not set: generated a key into DATA_DIR for this non-production instance. Set ENCRYPTION_KEY for anything real.");
  return key;
}

import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { KEY_FILE_NAME, resolveEncryptionKey } from "../src/platform/crypto/key-file";

const log = pino({ level: "silent" });

describe("resolveEncryptionKey", () => {
  it("when production has no key, then start-up is refused", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "wc-key-"));
    expect(() => resolveEncryptionKey({ encryptionKey: undefined, nodeEnv: "production", dataDir, log })).toThrow(/ENCRYPTION_KEY is required/);
  });

  it("when development has no key, then one is generated once with mode 0600 and reused", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "wc-key-"));
    const a = resolveEncryptionKey({ encryptionKey: undefined, nodeEnv: "development", dataDir, log });
    const file = path.join(dataDir, KEY_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const b = resolveEncryptionKey({ encryptionKey: undefined, nodeEnv: "development", dataDir, log });
    expect(b.equals(a)).toBe(true);
    expect(readFileSync(file, "utf8").trim()).toBe(a.toString("base64"));
  });

  it("when the console creates DATA_DIR for the key, then the directory is 0700", () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "wc-key-")), "data");
    resolveEncryptionKey({ encryptionKey: undefined, nodeEnv: "development", dataDir, log });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it("when ENCRYPTION_KEY is set, then it wins and no file is written", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "wc-key-"));
    const raw = Buffer.alloc(32, 7).toString("base64");
    expect(resolveEncryptionKey({ encryptionKey: raw, nodeEnv: "production", dataDir, log }).equals(Buffer.alloc(32, 7))).toBe(true);
  });
});

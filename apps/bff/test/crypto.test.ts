import { describe, expect, it } from "vitest";
import { createKeyring, decodeKey, generateKey, keyIdOf, UnreadableSecretError } from "../src/platform/crypto/crypto";

describe("keyring", () => {
  it("when a value is sealed, then it opens with the same associated data and carries the key id", () => {
    const key = generateKey();
    const k = createKeyring(key);
    const sealed = k.encrypt("s3cret-value", "connector:a:clientSecret");
    expect(sealed).not.toContain("s3cret-value");
    expect(sealed.split(".")[1]).toBe(keyIdOf(key));
    expect(k.decrypt(sealed, "connector:a:clientSecret")).toBe("s3cret-value");
  });

  it("when a ciphertext is moved to another record, then it does not decrypt", () => {
    const k = createKeyring(generateKey());
    const sealed = k.encrypt("token", "connector:a:refreshToken");
    expect(() => k.decrypt(sealed, "connector:b:refreshToken")).toThrow();
  });

  it("when the same value is sealed twice, then the ciphertexts differ (fresh IV)", () => {
    const k = createKeyring(generateKey());
    expect(k.encrypt("x", "a")).not.toBe(k.encrypt("x", "a"));
  });

  it("when the key rotates, then records sealed under the previous key still open", () => {
    const old = generateKey();
    const sealed = createKeyring(old).encrypt("refresh", "aad");
    const rotated = createKeyring(generateKey(), [old]);
    expect(rotated.decrypt(sealed, "aad")).toBe("refresh");
    expect(rotated.encrypt("refresh", "aad").split(".")[1]).toBe(rotated.currentKid);
  });

  it("when a ciphertext is tampered with, then decryption fails", () => {
    const k = createKeyring(generateKey());
    const parts = k.encrypt("value", "aad").split(".");
    parts[4] = Buffer.from("other").toString("base64url");
    expect(() => k.decrypt(parts.join("."), "aad")).toThrow();
  });

  it("when a value was sealed by a key that is not configured, then the error is a 409 naming its key id and the settings", () => {
    const stranger = generateKey();
    const sealed = createKeyring(stranger).encrypt("value", "aad");
    const k = createKeyring(generateKey());
    expect(() => k.decrypt(sealed, "aad")).toThrow(UnreadableSecretError);
    expect(() => k.decrypt(sealed, "aad")).toThrow(new RegExp(`key id ${keyIdOf(stranger)}.*ENCRYPTION_KEYS_PREVIOUS`));
    expect(k.kids).toEqual(new Set([k.currentKid]));
  });

  it("when a key has the wrong length, then the message says how to make one", () => {
    expect(() => decodeKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 random bytes.*randomBytes\(32\)/);
    expect(decodeKey(generateKey().toString("base64url")).length).toBe(32);
  });
});

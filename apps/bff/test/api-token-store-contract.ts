import { describe, expect, it } from "vitest";
import type { Store } from "../src/store/types";
import type { ApiTokenRecord } from "../src/api-tokens";

/** API token storage every store must share; part of describeStoreContract. */
export function describeApiTokenStoreContract(engine: string, open: () => Promise<Store>) {
  const token = (id: string, over: Partial<ApiTokenRecord> = {}): ApiTokenRecord => ({
    id,
    name: `Script ${id}`,
    role: "support",
    tokenHash: `hash-${id}`,
    prefix: "wct_abcd",
    createdBy: "Ada Admin",
    createdById: "u1",
    createdAt: "2026-11-29T10:00:00.000Z",
    expiresAt: "2027-02-27T10:00:00.000Z",
    lastUsedAt: null,
    revokedAt: null,
    revokedBy: null,
    ...over,
  });

  async function withStore(run: (s: Store) => Promise<void>) {
    const s = await open();
    try {
      await run(s);
    } finally {
      await s.close();
    }
  }

  describe(`${engine} API token store`, () => {
    it("when tokens are stored, then they are found by id and by hash, and listed newest first", async () => {
      await withStore(async (s) => {
        await s.insertApiToken(token("a"));
        await s.insertApiToken(token("b", { createdAt: "2026-11-29T11:00:00.000Z", role: "admin" }));
        expect(await s.getApiToken("a")).toEqual(token("a"));
        expect((await s.getApiTokenByHash("hash-b"))?.role).toBe("admin");
        expect(await s.getApiTokenByHash("nope")).toBeNull();
        expect((await s.listApiTokens()).map((t) => t.id)).toEqual(["b", "a"]);
      });
    });

    it("when the same hash is stored twice, then the second insert is refused", async () => {
      await withStore(async (s) => {
        await s.insertApiToken(token("a"));
        await expect(s.insertApiToken(token("b", { tokenHash: "hash-a" }))).rejects.toThrow();
      });
    });

    it("when a token is revoked twice, then only the first counts and keeps who and when", async () => {
      await withStore(async (s) => {
        await s.insertApiToken(token("a"));
        expect(await s.revokeApiToken("a", "2026-11-30T10:00:00.000Z", "Ada Admin")).toBe(true);
        expect(await s.revokeApiToken("a", "2026-11-30T11:00:00.000Z", "Bo Admin")).toBe(false);
        expect(await s.getApiToken("a")).toMatchObject({ revokedAt: "2026-11-30T10:00:00.000Z", revokedBy: "Ada Admin" });
      });
    });

    it("when uses are recorded out of order, then last-used keeps the latest", async () => {
      await withStore(async (s) => {
        await s.insertApiToken(token("a"));
        await s.touchApiToken("a", "2026-11-30T10:05:00.000Z");
        await s.touchApiToken("a", "2026-11-30T10:01:00.000Z");
        expect((await s.getApiToken("a"))?.lastUsedAt).toBe("2026-11-30T10:05:00.000Z");
      });
    });
  });
}

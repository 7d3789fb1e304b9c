import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SQLITE_DRIVERS } from "../src/store/sqlite-driver";
import { openSqliteStore } from "../src/store/sqlite-store";
import { describeStoreContract } from "./store-contract";

const fileDirs: string[] = [];
afterAll(() => fileDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// The whole contract on each binding, so the one that is kept is proven equal to the other.
for (const driver of SQLITE_DRIVERS) {
  describeStoreContract(`SQLite (${driver})`, async () => openSqliteStore(":memory:", driver));
  // A file database commits activity pages on a second connection in a worker thread.
  describeStoreContract(`SQLite file (${driver})`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wc-contract-"));
    fileDirs.push(dir);
    return openSqliteStore(path.join(dir, "db.sqlite"), driver);
  });

  describe(`SQLite file store (${driver})`, () => {
    it("when the file is reopened, then migrations are not re-applied and data survives", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "wc-db-"));
      fileDirs.push(dir);
      const file = path.join(dir, "nested", "db.sqlite");
      const a = openSqliteStore(file, driver);
      await a.createSession({ id: "s", userId: "u", userName: "U", role: "admin", createdAt: "t", lastSeenAt: "t", ip: null });
      await a.close();
      const b = openSqliteStore(file, driver);
      expect(await b.getSession("s")).not.toBeNull();
      await b.close();
    });
  });
}

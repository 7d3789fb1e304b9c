import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../src/store/open-store";
import { openSqliteStore } from "../src/store/sqlite-store";
import { describeStoreContract } from "./store-contract";

describeStoreContract("SQLite", async () => openSqliteStore(":memory:"));
// A file database commits activity pages on a second connection in a worker thread. Opened as the
// console opens it, so the contract also holds for the shared row counts (store/count-cache.ts).
const fileDirs: string[] = [];
afterAll(() => fileDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
describeStoreContract("SQLite file", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wc-contract-"));
  fileDirs.push(dir);
  return openStore(`file:${path.join(dir, "db.sqlite")}`);
});

describe("SQLite file store", () => {
  it("when the file is reopened, then migrations are not re-applied and data survives", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "wc-db-")), "nested", "db.sqlite");
    const a = openSqliteStore(file);
    await a.createSession({ id: "s", userId: "u", userName: "U", role: "admin", createdAt: "t", lastSeenAt: "t", ip: null });
    await a.close();
    const b = openSqliteStore(file);
    expect(await b.getSession("s")).not.toBeNull();
    await b.close();
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../src/store/open-store";
import { openSqliteStore } from "../src/store/sqlite-store";
import { describeStoreContract } from "./store-contract";

// Every statement the contract runs, watched: SQLite must not plan one again because of the values
// bound to it (withStablePlan in sqlite-driver.ts); the check is at the end of the file.
const replanned: string[] = [];
describeStoreContract("SQLite", async () => openSqliteStore(":memory:", undefined, { onReplan: (sql) => replanned.push(sql) }));
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

describe("SQLite statements", () => {
  it("when the whole store contract has run, then no statement was planned again for its values", () => {
    expect([...new Set(replanned)]).toEqual([]);
  });
});

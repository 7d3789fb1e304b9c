import { describe, expect, it } from "vitest";
import { isUniqueViolation, openSqlite, type SqliteDb } from "../src/platform/store/sqlite-driver";

// The binding rules the store relies on (node:sqlite's own differ; see sqlite-driver.ts).
describe("SQLite driver", () => {
  const open = (): SqliteDb => {
    const db = openSqlite(":memory:");
    db.exec("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT, u TEXT UNIQUE)");
    return db;
  };
  const count = (db: SqliteDb) => (db.prepare("SELECT COUNT(*) AS n FROM t").get() as { n: number }).n;

  it("when a named parameter is missing from the object, then the statement fails instead of binding NULL", () => {
    const db = open();
    expect(() => db.prepare("INSERT INTO t (k, v) VALUES (@k, @v)").run({ k: "a" })).toThrow(/Missing named parameter "v"/);
    expect(count(db)).toBe(0);
    db.close();
  });

  it("when a named value is undefined or the object has extra keys, then undefined binds as NULL and extras are ignored", () => {
    const db = open();
    expect(db.prepare("INSERT INTO t (k, v) VALUES (@k, @v)").run({ k: "a", v: undefined, extra: 1 }).changes).toBe(1);
    expect({ ...(db.prepare("SELECT k, v FROM t").get() as object) }).toEqual({ k: "a", v: null });
    db.close();
  });

  it("when too few positional values are given, then the statement fails", () => {
    const db = open();
    expect(() => db.prepare("INSERT INTO t (k, v) VALUES (?, ?)").run("a")).toThrow();
    expect(count(db)).toBe(0);
    db.close();
  });

  it("when a UNIQUE column gets a value twice, then the error is recognised as a unique violation", () => {
    const db = open();
    const insert = db.prepare("INSERT INTO t (k, u) VALUES (?, ?)");
    insert.run("a", "same");
    let caught: unknown;
    try {
      insert.run("b", "same");
    } catch (e) {
      caught = e;
    }
    expect(isUniqueViolation(caught)).toBe(true);
    expect(isUniqueViolation(new Error("other"))).toBe(false);
    db.close();
  });

  it("when a transaction function throws, then its writes roll back and the error reaches the caller", () => {
    const db = open();
    const tx = db.immediate((k: string) => {
      db.prepare("INSERT INTO t (k, v) VALUES (?, ?)").run(k, "x");
      throw new Error("boom");
    });
    expect(() => tx("a")).toThrow("boom");
    expect(count(db)).toBe(0);
    expect(db.immediate(() => db.prepare("INSERT INTO t (k, v) VALUES (?, ?)").run("b", "y").changes)()).toBe(1);
    expect(count(db)).toBe(1);
    db.close();
  });

  it("when a transaction nests another that throws, then only the inner writes roll back", () => {
    const db = open();
    const insert = (k: string) => db.prepare("INSERT INTO t (k, v) VALUES (?, ?)").run(k, "x");
    const inner = db.immediate(() => {
      insert("inner");
      throw new Error("inner failed");
    });
    db.immediate(() => {
      insert("outer");
      expect(() => inner()).toThrow("inner failed");
    })();
    expect((db.prepare("SELECT k FROM t").all() as { k: string }[]).map((r) => r.k)).toEqual(["outer"]);
    db.close();
  });
});

import { describe, expect, it } from "vitest";
import { isUniqueViolation, openSqlite, withStablePlan, type SqliteDb } from "../src/platform/store/sqlite-driver";

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

  describe("plans that do not hang on bound values", () => {
    const openWatched = () => {
      const replanned: string[] = [];
      const db = openSqlite(":memory:", { onReplan: (sql) => replanned.push(sql) });
      db.exec(`CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL);
        INSERT INTO users VALUES ('u1', 'Ada'), ('u2', 'Bob');
        INSERT INTO sessions VALUES ('s1', 'u1'), ('s2', 'u2'), ('s3', 'gone');`);
      return { db, replanned };
    };

    // Each shape made SQLite prepare the statement again on every run before the rewrite.
    const shapes: [string, string, unknown[][], unknown[][]][] = [
      ["a LIMIT ?", "SELECT id FROM users ORDER BY id LIMIT ?", [[1], [2], [1]], [[{ id: "u1" }], [{ id: "u1" }, { id: "u2" }], [{ id: "u1" }]]],
      [
        "a join's col = ?",
        "SELECT s.id, u.name FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.id = ?",
        [["s1"], ["s2"], ["s3"]],
        [[{ id: "s1", name: "Ada" }], [{ id: "s2", name: "Bob" }], [{ id: "s3", name: null }]],
      ],
      ["a named LIKE", "SELECT id FROM users WHERE name LIKE @p ORDER BY id", [[{ p: "a%" }], [{ p: "%o%" }]], [[{ id: "u1" }], [{ id: "u2" }]]],
    ];
    for (const [shape, sql, runs, answers] of shapes) {
      it(`when a kept statement with ${shape} runs again with other values, then it is not prepared again and answers as before`, () => {
        const { db, replanned } = openWatched();
        const statement = db.prepare(sql);
        runs.forEach((params, i) => expect(statement.all(...params).map((r) => ({ ...(r as object) }))).toEqual(answers[i]));
        expect(replanned).toEqual([]);
        db.close();
      });
    }

    it("when the schema changes under a kept statement, then its one re-prepare is not taken for a plan that hangs on values", () => {
      const { db, replanned } = openWatched();
      const statement = db.prepare("SELECT id FROM users WHERE id = ?");
      statement.get("u1");
      db.exec("CREATE INDEX users_by_name ON users(name); CREATE TEMP TABLE scratch (x)");
      expect({ ...(statement.get("u2") as object) }).toEqual({ id: "u2" });
      statement.get("u1");
      expect(replanned).toEqual([]);
      db.close();
    });

    it("when values of every type are bound through the rewrite, then they are stored and compared unchanged", () => {
      const db = openSqlite(":memory:");
      db.exec("CREATE TABLE v (k INTEGER PRIMARY KEY, t TEXT, r REAL, b BLOB, n TEXT, i INTEGER)");
      const blob = new Uint8Array([0, 1, 255]);
      db.prepare("INSERT INTO v (k, t, r, b, n, i) VALUES (?, ?, ?, ?, ?, ?)").run(7, "007", 1.5, blob, null, 9007199254740991);
      const row = db.prepare("SELECT k, t, r, b, n, i, typeof(t) AS tt, typeof(i) AS ti FROM v WHERE t = ? AND k = ?").get("007", 7) as Record<string, unknown>;
      expect({ ...row, b: [...(row.b as Uint8Array)] }).toEqual({
        k: 7,
        t: "007",
        r: 1.5,
        b: [0, 1, 255],
        n: null,
        i: 9007199254740991,
        tt: "text",
        ti: "integer",
      });
      db.close();
    });

    it("when placeholders sit next to literals, identifiers and comments, then only the placeholders change", () => {
      expect(withStablePlan(`SELECT '?', "a?b", x FROM t -- why?\nWHERE a = ? AND b = @name /* @c ? */ LIMIT ?2`)).toBe(
        `SELECT '?', "a?b", x FROM t -- why?\nWHERE a = +? AND b = +@name /* @c ? */ LIMIT +?2`,
      );
      expect(withStablePlan("INSERT INTO t VALUES (?,?) ON CONFLICT DO NOTHING")).toBe("INSERT INTO t VALUES (+?,+?) ON CONFLICT DO NOTHING");
    });
  });
});

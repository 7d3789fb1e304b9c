import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/platform/logger";
import { openSqliteStore } from "../src/store/sqlite-store";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), "wc-modes-"));
  dirs.push(d);
  return d;
};
const modeOf = (f: string) => statSync(f).mode & 0o777;
const session = { id: "s", userId: "u", userName: "U", role: "admin" as const, createdAt: "t", lastSeenAt: "t", ip: null };

function capturingLog() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { log: createLogger("info", sink), lines };
}

describe("SQLite file modes", () => {
  it("when the console creates the database and its directory, then the file, its -wal and -shm are 0600 and the directory 0700", async () => {
    const dir = path.join(tempDir(), "data");
    const file = path.join(dir, "workday-connect.db");
    const store = openSqliteStore(file);
    try {
      await store.createSession(session);
      expect(modeOf(dir)).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(f)).toBe(true);
        expect(modeOf(f)).toBe(0o600);
      }
    } finally {
      await store.close();
    }
  });

  it("when an existing database is readable by others, then it is tightened to 0600, its data kept, and that is logged once", async () => {
    const file = path.join(tempDir(), "db.sqlite");
    const first = openSqliteStore(file);
    await first.createSession(session);
    await first.close();
    chmodSync(file, 0o644);
    const { log, lines } = capturingLog();
    const again = openSqliteStore(file, log);
    try {
      expect(modeOf(file)).toBe(0o600);
      expect(await again.getSession("s")).not.toBeNull();
    } finally {
      await again.close();
    }
    expect(lines.filter((l) => l.includes("tightened it to mode 0600"))).toHaveLength(1);
    const quiet = capturingLog();
    await openSqliteStore(file, quiet.log).close();
    expect(quiet.lines).toEqual([]);
  });

  it("when the directory already exists, then its mode is left as the operator set it", async () => {
    const dir = tempDir();
    chmodSync(dir, 0o750);
    await openSqliteStore(path.join(dir, "db.sqlite")).close();
    expect(modeOf(dir)).toBe(0o750);
  });
});

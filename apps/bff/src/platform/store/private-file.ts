import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import path from "node:path";

const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

/**
 * The SQLite file holds sealed secrets, sessions and the audit log: readable by the console's user
 * only, like the key file. SQLite gives its -wal and -shm files the main file's mode, so creating
 * the main file 0600 before SQLite opens it is enough for new databases; an existing one with group
 * or other bits is tightened. Returns the files it tightened, for the caller to log once.
 */
export function preparePrivateDatabaseFile(file: string): string[] {
  // The mode applies only to directories created here: an operator's existing DATA_DIR is theirs.
  mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR });
  try {
    // SQLite treats an empty file as a new database. chmod too: the umask may have removed bits.
    closeSync(openSync(file, "wx", PRIVATE_FILE));
    chmodSync(file, PRIVATE_FILE);
    return [];
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const tightened: string[] = [];
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) {
      chmodSync(f, PRIVATE_FILE);
      tightened.push(f);
    }
  }
  return tightened;
}

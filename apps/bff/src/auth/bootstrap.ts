import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { SetupRequest } from "@wc/contracts";
import { AppError } from "../platform/http/app-error";
import type { UserRecord } from "./auth-store";
import { createUser, type UserDeps } from "./users";

const SETUP_KEY = "setup_token";
const SETUP_TTL_MS = 24 * 3_600_000;
/** Replicas started together print one link between them. */
const SAME_START_MS = 2 * 60_000;
const sha = (v: string) => createHash("sha256").update(v).digest();

export type Bootstrap =
  { kind: "ready" } | { kind: "created"; email: string } | { kind: "setup"; link: string; expiresAt: string } | { kind: "setup_pending"; expiresAt: string };

/**
 * No default password: with no account yet, the first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD,
 * or from a one-time link (token in the URL fragment, so it reaches no server log; 24 h; a new
 * one at every start until an admin exists).
 */
export async function ensureFirstAdmin(d: UserDeps, admin: { email: string; password: string } | null, publicUrl: string): Promise<Bootstrap> {
  if ((await d.store.countUsers()) > 0) {
    await d.store.setMeta(SETUP_KEY, null);
    return { kind: "ready" };
  }
  if (admin) {
    try {
      await createUser(d, { email: admin.email, name: admin.email.split("@")[0] ?? "Admin", role: "admin", password: admin.password });
    } catch (e) {
      // Replicas starting together on an empty database: another one created it first.
      if (e instanceof AppError && e.status === 409) return { kind: "ready" };
      throw e;
    }
    return { kind: "created", email: admin.email };
  }
  // A replica starting alongside another one just printed a link: replacing it would void that
  // link. A link from an earlier start is replaced (its terminal output may be long gone).
  const pending = await d.store.getMeta(SETUP_KEY);
  const saved = pending ? (JSON.parse(pending) as { expiresAt: string; createdAt?: string }) : null;
  if (saved?.createdAt && d.now().getTime() - Date.parse(saved.createdAt) < SAME_START_MS) return { kind: "setup_pending", expiresAt: saved.expiresAt };
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(d.now().getTime() + SETUP_TTL_MS).toISOString();
  await d.store.setMeta(SETUP_KEY, JSON.stringify({ hash: sha(token).toString("base64url"), expiresAt, createdAt: d.now().toISOString() }));
  return { kind: "setup", link: `${publicUrl}/setup#token=${token}`, expiresAt };
}

export async function setupRequired(d: UserDeps): Promise<boolean> {
  return (await d.store.countUsers()) === 0;
}

const invalid = () =>
  new AppError(400, "validation_failed", "This setup link is not valid (it may have expired or been used). Restart the console to print a new one.", {
    token: "Open the newest setup link printed in the console's log.",
  });

/** Creates the first admin with the one-time token; the token is consumed even if it was the last try. */
export async function completeSetup(d: UserDeps, req: SetupRequest): Promise<UserRecord> {
  if (!(await setupRequired(d))) throw new AppError(409, "conflict", "The console is already set up: sign in instead.");
  const raw = await d.store.getMeta(SETUP_KEY);
  if (!raw) throw invalid();
  const saved = JSON.parse(raw) as { hash: string; expiresAt: string };
  const given = sha(req.token);
  const expected = Buffer.from(saved.hash, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  // Taking the value is the single-use gate: of two concurrent setups only one gets it back.
  if ((await d.store.takeMeta(SETUP_KEY)) !== raw) throw invalid();
  if (Date.parse(saved.expiresAt) <= d.now().getTime()) throw invalid();
  return createUser(d, { email: req.email, name: req.name, role: "admin", password: req.password });
}

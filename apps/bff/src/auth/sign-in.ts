import { createHash } from "node:crypto";
import { AppError } from "../platform/http/app-error";
import { burnPasswordCheck, verifyPassword } from "./password";
import type { UserRecord } from "./auth-store";
import type { Store } from "../store/types";

export interface SignInPolicy {
  /** Failed attempts per account (known or not) before it is locked for `lockoutMs`. */
  maxFailures: number;
  lockoutMs: number;
  /** Attempts per client address per `lockoutMs`, whatever the account (slows spraying). */
  maxPerAddress: number;
}

export interface SignInDeps {
  store: Store;
  now: () => Date;
  policy: SignInPolicy;
}

export const GENERIC_FAILURE = "Email or password is incorrect.";

// Keys are hashed so the rate-limit table holds no email addresses.
const key = (kind: "account" | "address", v: string) => `signin:${kind}:${createHash("sha256").update(v).digest("base64url")}`;

function tooMany(windowStart: string, d: SignInDeps): AppError {
  const retryMs = Date.parse(windowStart) + d.policy.lockoutMs - d.now().getTime();
  const minutes = Math.max(1, Math.ceil(retryMs / 60_000));
  const e = new AppError(429, "rate_limited", `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  e.retryAfterSeconds = Math.max(1, Math.ceil(retryMs / 1000));
  return e;
}

/**
 * Checks an email and password. Locked accounts and unknown emails are treated exactly like wrong
 * passwords (same message, same KDF work), so neither the answer nor its timing tells whether an
 * account exists. A success clears the account's failure count.
 */
export async function signIn(d: SignInDeps, email: string, password: string, address: string): Promise<UserRecord> {
  const now = d.now();
  const windowStartsAfter = new Date(now.getTime() - d.policy.lockoutMs).toISOString();
  const accountKey = key("account", email);
  const addressKey = key("address", address);
  const addr = await d.store.hitRate(addressKey, now.toISOString(), windowStartsAfter);
  if (addr.count > d.policy.maxPerAddress) throw tooMany(addr.windowStart, d);
  const failures = await d.store.peekRate(accountKey, windowStartsAfter);
  if (failures && failures.count >= d.policy.maxFailures) {
    await burnPasswordCheck(password);
    throw tooMany(failures.windowStart, d);
  }
  const user = await d.store.getUserByEmail(email);
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  if (!user || !ok) {
    const f = await d.store.hitRate(accountKey, now.toISOString(), windowStartsAfter);
    if (f.count >= d.policy.maxFailures) throw tooMany(f.windowStart, d);
    throw new AppError(401, "unauthenticated", GENERIC_FAILURE);
  }
  await d.store.clearRate(accountKey);
  return (await d.store.updateUser(user.id, { lastSignInAt: now.toISOString() })) as UserRecord;
}

import { randomUUID } from "node:crypto";
import type { CreateUserRequest, Role, UpdateUserRequest, User } from "@wc/contracts";
import { AppError, notFound } from "../platform/http/app-error";
import { hashPassword } from "./password";
import type { UserRecord } from "./auth-store";
import type { Store } from "../store/types";

export interface UserDeps {
  store: Store;
  now: () => Date;
}

const lastAdmin = () => new AppError(409, "conflict", "This is the last admin: add another admin first, so someone can still manage the console.");
const emailTaken = () => new AppError(409, "conflict", "An account with this email already exists.", { email: "An account with this email already exists." });

export function toUser(u: UserRecord, sessions: number): User {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    source: u.source,
    createdAt: u.createdAt,
    lastSignInAt: u.lastSignInAt,
    activeSessions: sessions,
  };
}

/** What an audit entry may show of an account (never the hash). */
export const auditView = (u: Pick<UserRecord, "email" | "name" | "role" | "source">) => ({ email: u.email, name: u.name, role: u.role, source: u.source });

export async function createUser(
  d: UserDeps,
  req: CreateUserRequest | (Omit<CreateUserRequest, "password"> & { password: null; source: "oidc"; ssoSubject: string }),
): Promise<UserRecord> {
  if (await d.store.getUserByEmail(req.email)) throw emailTaken();
  const at = d.now().toISOString();
  const u: UserRecord = {
    id: randomUUID(),
    email: req.email,
    name: req.name,
    role: req.role,
    source: "source" in req ? req.source : "local",
    passwordHash: req.password === null ? null : await hashPassword(req.password),
    createdAt: at,
    updatedAt: at,
    lastSignInAt: null,
    ssoSubject: "ssoSubject" in req ? req.ssoSubject : null,
  };
  try {
    await d.store.insertUser(u);
  } catch (e) {
    // Two admins adding the same email at once: the unique index decides.
    if (e instanceof Error && /unique|23505/i.test(`${e.message} ${(e as { code?: string }).code ?? ""}`)) throw emailTaken();
    throw e;
  }
  return u;
}

export async function updateUser(d: UserDeps, id: string, req: UpdateUserRequest): Promise<{ before: UserRecord; after: UserRecord }> {
  const before = await d.store.getUser(id);
  if (!before) throw notFound("User");
  const patch: { name?: string; role?: Role; updatedAt: string } = { updatedAt: d.now().toISOString() };
  if (req.name !== undefined) patch.name = req.name;
  if (req.role !== undefined) patch.role = req.role;
  const after = await d.store.updateUser(id, patch);
  if (after === "last_admin") throw lastAdmin();
  if (!after) throw notFound("User");
  return { before, after };
}

/** A new password ends every session of the account (a reset is usually a response to a leak). */
export async function resetPassword(d: UserDeps, id: string, password: string): Promise<{ user: UserRecord; ended: number }> {
  const u = await d.store.getUser(id);
  if (!u) throw notFound("User");
  if (u.source !== "local")
    throw new AppError(409, "conflict", "This account signs in with single sign-on; its password is managed by your identity provider.");
  await d.store.updateUser(id, { passwordHash: await hashPassword(password), updatedAt: d.now().toISOString() });
  return { user: u, ended: await d.store.deleteSessionsOfUser(id) };
}

export async function removeUser(d: UserDeps, id: string): Promise<UserRecord> {
  const u = await d.store.getUser(id);
  if (!u) throw notFound("User");
  const r = await d.store.deleteUser(id);
  if (r === "last_admin") throw lastAdmin();
  if (!r) throw notFound("User");
  return u;
}

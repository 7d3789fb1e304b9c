import type { AuditAction, AuditEntry, AuditQuery, Role } from "@wc/contracts";

/** A portal account. `passwordHash` is null for single-sign-on accounts (they never sign in locally). */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  source: "local" | "oidc";
  passwordHash: string | null;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
  /**
   * For single sign-on accounts, the provider identity they belong to ("<issuer> <subject>"), set at
   * the first sign-in. An email address can be reassigned by the provider; its subject cannot.
   */
  ssoSubject: string | null;
}

export type UserPatch = Partial<Pick<UserRecord, "email" | "name" | "role" | "passwordHash" | "lastSignInAt" | "updatedAt" | "ssoSubject">>;

/** A fixed-window counter (sign-in attempts per account and per address), shared by every replica. */
export interface RateCount {
  count: number;
  windowStart: string;
}

export interface NewAuditEntry {
  at: string;
  actorId: string | null;
  actorName: string;
  action: AuditAction;
  targetType: AuditEntry["targetType"];
  targetId: string | null;
  targetName: string | null;
  ip: string | null;
  requestId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** One single-sign-on attempt; keyed by a hash of `state`, taken once. */
export interface SsoTransaction {
  stateHash: string;
  codeVerifierEnc: string;
  nonce: string;
  returnTo: string;
  createdAt: string;
  expiresAt: string;
}

export interface AuthStore {
  insertUser(u: UserRecord): Promise<void>;
  getUser(id: string): Promise<UserRecord | null>;
  getUserByEmail(email: string): Promise<UserRecord | null>;
  getUserBySsoSubject(ssoSubject: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  countUsers(): Promise<number>;
  /** Refuses (returns null, changes nothing) when the change would leave no admin. */
  updateUser(id: string, patch: UserPatch): Promise<UserRecord | null | "last_admin">;
  /** Deletes the user and their sessions together; refuses to remove the last admin. */
  deleteUser(id: string): Promise<boolean | "last_admin">;

  deleteSessionsOfUser(userId: string): Promise<number>;
  countSessionsByUser(): Promise<Map<string, number>>;
  /** Ends sessions idle since `idleBefore` or created before `createdBefore`. */
  purgeSessions(idleBefore: string, createdBefore: string): Promise<number>;

  /** Counts one hit in the key's window (a new window starts when the old one is older than `windowStart`). */
  hitRate(key: string, now: string, windowStartsAfter: string): Promise<RateCount>;
  peekRate(key: string, windowStartsAfter: string): Promise<RateCount | null>;
  clearRate(key: string): Promise<void>;

  appendAudit(e: NewAuditEntry): Promise<void>;
  listAudit(q: AuditQuery): Promise<AuditEntry[]>;

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string | null): Promise<void>;
  /** Reads and deletes in one step: a one-time value (the setup token) is used at most once. */
  takeMeta(key: string): Promise<string | null>;

  insertSsoTransaction(t: SsoTransaction): Promise<void>;
  takeSsoTransaction(stateHash: string): Promise<SsoTransaction | null>;
}

import type { Role } from "@wc/contracts";

/**
 * An API token as stored. `tokenHash` is the SHA-256 digest (base64url) of the token: the token
 * itself is shown once and never stored, so a copy of the database opens nothing.
 */
export interface ApiTokenRecord {
  id: string;
  name: string;
  role: Role;
  tokenHash: string;
  /** `wct_` and the next 4 characters: enough to tell tokens apart, far too little to guess one. */
  prefix: string;
  createdBy: string;
  createdById: string | null;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface ApiTokenStore {
  insertApiToken(t: ApiTokenRecord): Promise<void>;
  getApiToken(id: string): Promise<ApiTokenRecord | null>;
  getApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  /** Every token, newest first. */
  listApiTokens(): Promise<ApiTokenRecord[]>;
  /** Revokes a token not revoked yet; false when it already was (nothing changes). */
  revokeApiToken(id: string, at: string, by: string): Promise<boolean>;
  /** Records a use; an earlier time never overwrites a later one. */
  touchApiToken(id: string, at: string): Promise<void>;
}

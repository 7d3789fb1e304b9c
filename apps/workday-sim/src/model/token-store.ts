import { opaqueToken, shortId } from "../lib/random";

export interface CodeRecord {
  code: string;
  tenant: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
  username: string;
  expiresAt: number;
  usedAt: number | null;
  /** The grant created when the code was exchanged; revoked if the code is replayed. */
  grantId: string | null;
}

interface TokenBase {
  tenant: string;
  clientId: string;
  username: string;
  grantId: string;
  issuedAt: number;
}

export interface RefreshTokenRecord extends TokenBase {
  id: string;
  token: string;
  lastUsedAt: number;
}

export interface AccessTokenRecord extends TokenBase {
  token: string;
  expiresAt: number;
}

type Owner = Pick<TokenBase, "tenant" | "clientId" | "username" | "grantId">;

/** Every code and token the simulator issued. Opaque random strings, looked up here. */
export class TokenStore {
  readonly codes = new Map<string, CodeRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly accessTokens = new Map<string, AccessTokenRecord>();

  issueCode(fields: Omit<CodeRecord, "code" | "usedAt" | "grantId">): CodeRecord {
    const record: CodeRecord = { ...fields, code: opaqueToken(), usedAt: null, grantId: null };
    this.codes.set(record.code, record);
    return record;
  }

  issueAccessToken(owner: Owner, now: number, ttlSeconds: number): AccessTokenRecord {
    const record: AccessTokenRecord = { ...owner, token: opaqueToken(), issuedAt: now, expiresAt: now + ttlSeconds * 1000 };
    this.accessTokens.set(record.token, record);
    return record;
  }

  issueRefreshToken(owner: Owner, now: number): RefreshTokenRecord {
    const record: RefreshTokenRecord = { ...owner, id: shortId(), token: opaqueToken(48), issuedAt: now, lastUsedAt: now };
    this.refreshTokens.set(record.token, record);
    return record;
  }

  /** Removes tokens matching `predicate`; returns how many refresh tokens went. */
  revokeWhere(predicate: (t: TokenBase) => boolean, { accessTokens = true } = {}): number {
    let revoked = 0;
    for (const [token, record] of this.refreshTokens) {
      if (predicate(record)) {
        this.refreshTokens.delete(token);
        revoked++;
      }
    }
    if (accessTokens) for (const [token, record] of this.accessTokens) if (predicate(record)) this.accessTokens.delete(token);
    return revoked;
  }

  /** A sandbox refresh: nothing issued in the tenant works afterwards. */
  revokeTenant(tenant: string): void {
    this.revokeWhere((t) => t.tenant === tenant);
    for (const [code, record] of this.codes) if (record.tenant === tenant) this.codes.delete(code);
  }

  refreshTokensOf(tenant: string, clientId: string): RefreshTokenRecord[] {
    return [...this.refreshTokens.values()].filter((t) => t.tenant === tenant && t.clientId === clientId);
  }

  clear(): void {
    this.codes.clear();
    this.refreshTokens.clear();
    this.accessTokens.clear();
  }
}

import { opaqueToken } from "../lib/random";
import { MINUTE } from "../lib/time";

/**
 * An authorization request between the authorize link and Allow/Deny. Kept server-side so the
 * client and redirect URI come from the validated request, never from form fields.
 */
export interface PendingAuthorization {
  id: string;
  /** Value of the browser's cookie on the sign-in host; the id alone is not enough. */
  browserKey: string;
  tenant: string;
  clientId: string;
  redirectUri: string;
  state: string | null;
  codeChallenge: string | null;
  username: string | null;
  createdAt: number;
}

const LIFETIME_MS = 10 * MINUTE;

export class PendingAuthorizations {
  private readonly byId = new Map<string, PendingAuthorization>();

  create(fields: Omit<PendingAuthorization, "id" | "username">): PendingAuthorization {
    for (const [id, p] of this.byId) if (fields.createdAt - p.createdAt > LIFETIME_MS) this.byId.delete(id);
    const pending: PendingAuthorization = { ...fields, id: opaqueToken(18), username: null };
    this.byId.set(pending.id, pending);
    return pending;
  }

  find(id: string | undefined, browserKey: string | undefined, tenant: string, now: number): PendingAuthorization | undefined {
    const pending = id === undefined ? undefined : this.byId.get(id);
    if (!pending || pending.browserKey !== browserKey || pending.tenant !== tenant) return undefined;
    return now - pending.createdAt > LIFETIME_MS ? undefined : pending;
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
  }
}

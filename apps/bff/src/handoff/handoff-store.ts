import type { HandoffStep } from "@wc/contracts";

/**
 * A hand-off link as stored. `tokenHash` and `resultHash` are SHA-256 digests (base64url) of the
 * link's token and of the results ticket issued when consent completes: the tokens themselves are
 * never stored, so a copy of the database opens nothing.
 */
export interface HandoffLinkRecord {
  id: string;
  connectorId: string;
  tokenHash: string;
  createdBy: string;
  createdById: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  usedAt: string | null;
  lastStep: HandoffStep | null;
  lastStepAt: string | null;
  lastIp: string | null;
  lastUserAgent: string | null;
  /** Set the first time the link is presented after its expiry (audited once). */
  expiryRecordedAt: string | null;
  resultHash: string | null;
  resultExpiresAt: string | null;
}

/** Who made a request with the link, and how far it got. */
export interface HandoffUse {
  step: HandoffStep;
  at: string;
  ip: string | null;
  userAgent: string | null;
}

export interface HandoffStore {
  insertHandoffLink(l: HandoffLinkRecord): Promise<void>;
  getHandoffLink(id: string): Promise<HandoffLinkRecord | null>;
  getHandoffLinkByTokenHash(tokenHash: string): Promise<HandoffLinkRecord | null>;
  getHandoffLinkByResultHash(resultHash: string): Promise<HandoffLinkRecord | null>;
  /** The connector's links, newest first. */
  listHandoffLinks(connectorId: string): Promise<HandoffLinkRecord[]>;
  /** Records the step reached and the client; the step never moves back. */
  recordHandoffUse(id: string, use: HandoffUse): Promise<void>;
  /** Revokes a link that is neither used nor revoked; false when it was (nothing changes). */
  revokeHandoffLink(id: string, at: string, by: string): Promise<boolean>;
  /**
   * Spends the link once consent completed through it, with the hash of the results ticket; false
   * (nothing changes) when it was already used or revoked, so of two consents only one spends it.
   */
  spendHandoffLink(id: string, use: HandoffUse, result: { hash: string; expiresAt: string }): Promise<boolean>;
  /** Marks the expiry as seen; true only the first time (the audit entry is written once). */
  recordHandoffExpiry(id: string, at: string): Promise<boolean>;
}

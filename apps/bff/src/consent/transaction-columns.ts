import type { OAuthTransaction } from "../store/types";

/** One consent attempt from its row; the same column names on every engine. */
export function transactionFromRow(row: Record<string, unknown>): OAuthTransaction {
  return {
    stateHash: String(row.state_hash),
    connectorId: String(row.connector_id),
    sessionId: typeof row.session_id === "string" ? row.session_id : null,
    handoffLinkId: typeof row.handoff_link_id === "string" ? row.handoff_link_id : null,
    codeVerifierEnc: String(row.code_verifier_enc),
    redirectUri: String(row.redirect_uri),
    tokenEndpoint: String(row.token_endpoint),
    clientId: String(row.client_id),
    mode: row.mode === "redirect" ? "redirect" : "popup",
    createdAt: String(row.created_at),
    expiresAt: String(row.expires_at),
  };
}

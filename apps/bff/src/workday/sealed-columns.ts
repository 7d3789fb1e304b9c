import type { SealedField, SealedRow } from "../store/types";

type Row = Record<string, unknown>;

const SEALED_COLUMNS: Record<SealedRow["table"], { key: string; columns: Partial<Record<SealedField, string>> }> = {
  connectors: {
    key: "id",
    columns: { clientSecret: "client_secret_enc", refreshToken: "refresh_token_enc", accessToken: "access_token_enc" },
  },
  oauth_transactions: { key: "state_hash", columns: { codeVerifier: "code_verifier_enc" } },
  notification_channels: { key: "id", columns: { signingSecret: "secret_enc", webhookUrl: "url_enc" } },
};

/** The same two queries on every engine (ids sort bytewise: PostgreSQL declares them COLLATE "C"). */
export const SEALED_CONNECTORS_SQL = `SELECT id, client_secret_enc, refresh_token_enc, access_token_enc FROM connectors
  WHERE client_secret_enc IS NOT NULL OR refresh_token_enc IS NOT NULL OR access_token_enc IS NOT NULL ORDER BY id`;
export const SEALED_TRANSACTIONS_SQL = "SELECT state_hash, connector_id, code_verifier_enc FROM oauth_transactions ORDER BY state_hash";
export const SEALED_CHANNELS_SQL = "SELECT id, secret_enc, url_enc FROM notification_channels WHERE secret_enc IS NOT NULL OR url_enc IS NOT NULL ORDER BY id";

/** Where a swap writes; throws for a field the table does not have (a caller bug, not data). */
export function sealedColumn(table: SealedRow["table"], field: SealedField): { key: string; column: string } {
  const column = SEALED_COLUMNS[table].columns[field];
  if (!column) throw new Error(`${table} has no ciphertext field ${field}`);
  return { key: SEALED_COLUMNS[table].key, column };
}

export function sealedRowsFrom(connectors: Row[], transactions: Row[], channels: Row[] = []): SealedRow[] {
  return [
    ...connectors.map((r): SealedRow => ({
      table: "connectors",
      id: String(r.id),
      connectorId: String(r.id),
      fields: sealedFields({ clientSecret: r.client_secret_enc, refreshToken: r.refresh_token_enc, accessToken: r.access_token_enc }),
    })),
    ...transactions.map((r): SealedRow => ({
      table: "oauth_transactions",
      id: String(r.state_hash),
      connectorId: String(r.connector_id),
      fields: { codeVerifier: String(r.code_verifier_enc) },
    })),
    // A channel's secret is bound to the channel's id (secrets.ts), carried here as `connectorId`.
    ...channels.map((r): SealedRow => ({
      table: "notification_channels",
      id: String(r.id),
      connectorId: String(r.id),
      fields: sealedFields({ signingSecret: r.secret_enc, webhookUrl: r.url_enc }),
    })),
  ];
}

function sealedFields(values: Partial<Record<SealedField, unknown>>): SealedRow["fields"] {
  const out: SealedRow["fields"] = {};
  for (const [field, v] of Object.entries(values) as [SealedField, unknown][]) if (typeof v === "string") out[field] = v;
  return out;
}

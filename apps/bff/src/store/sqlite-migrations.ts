/** Versioned, append-only: never edit a shipped migration, add the next one. */
export const SQLITE_MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "connectors, timeline, sessions, oauth transactions",
    sql: `
      CREATE TABLE connectors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        reason_code TEXT,
        wizard_step TEXT NOT NULL,
        prerequisites TEXT NOT NULL,
        tenant_setup TEXT NOT NULL,
        tenant TEXT,
        environment TEXT,
        environment_source TEXT,
        environment_reason TEXT,
        client_id TEXT,
        client_secret_enc TEXT,
        client_secret_hint TEXT,
        rest_api_endpoint TEXT,
        token_endpoint TEXT,
        authorization_endpoint TEXT,
        saml_sso INTEGER NOT NULL,
        client_auth_method TEXT NOT NULL,
        refresh_token_enc TEXT,
        access_token_enc TEXT,
        access_token_expires_at TEXT,
        consent_granted_by TEXT,
        connected_at TEXT,
        last_check_at TEXT,
        last_success_at TEXT,
        last_consent TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE connector_timeline (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        connector_id TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        reason_code TEXT,
        actor TEXT NOT NULL
      );
      CREATE INDEX connector_timeline_by_connector ON connector_timeline(connector_id, seq);
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        role TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      );
      CREATE TABLE oauth_transactions (
        state_hash TEXT PRIMARY KEY,
        connector_id TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        session_id TEXT NOT NULL,
        code_verifier_enc TEXT NOT NULL,
        redirect_uri TEXT NOT NULL,
        token_endpoint TEXT NOT NULL,
        client_id TEXT NOT NULL,
        mode TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "health: check results, transient failure counter, next check time",
    sql: `
      ALTER TABLE connectors ADD COLUMN consecutive_transient_failures INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE connectors ADD COLUMN next_check_at TEXT;
      ALTER TABLE connectors ADD COLUMN last_checks TEXT;
      ALTER TABLE connectors ADD COLUMN last_error_detail TEXT;
      CREATE INDEX connectors_next_check ON connectors(next_check_at);
    `,
  },
  {
    version: 3,
    name: "leases",
    sql: `
      CREATE TABLE leases (
        key TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
    `,
  },
];

import type { Pool } from "pg";
import { inTransaction } from "./pg-transaction";

/**
 * Versioned, append-only: never edit a shipped migration, add the next one. Numbered on their
 * own (PostgreSQL started with the schema SQLite reached in its v2).
 *
 * Timestamps are ISO-8601 TEXT exactly as SQLite keeps them, so values round-trip byte for byte;
 * they compare correctly as text because every one comes from `Date.toISOString()`. Columns that
 * are compared or sorted are COLLATE "C" so order is bytewise like SQLite's whatever the
 * database's locale. JSON stays TEXT too: the same bytes as SQLite, and nothing queries inside it.
 */
export const PG_MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "connectors (with health columns), timeline, sessions, oauth transactions",
    sql: `
      CREATE TABLE connectors (
        id TEXT COLLATE "C" PRIMARY KEY,
        -- Insertion order breaks created_at ties, as SQLite's rowid does.
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL CONSTRAINT connectors_name_key UNIQUE,
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
        saml_sso BOOLEAN NOT NULL,
        client_auth_method TEXT NOT NULL,
        refresh_token_enc TEXT,
        access_token_enc TEXT,
        access_token_expires_at TEXT,
        consent_granted_by TEXT,
        connected_at TEXT,
        last_check_at TEXT,
        last_success_at TEXT,
        last_consent TEXT,
        consecutive_transient_failures INTEGER NOT NULL DEFAULT 0,
        next_check_at TEXT COLLATE "C",
        last_checks TEXT,
        last_error_detail TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX connectors_next_check ON connectors(next_check_at);
      CREATE TABLE connector_timeline (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        connector_id TEXT COLLATE "C" NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
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
        state_hash TEXT COLLATE "C" PRIMARY KEY,
        connector_id TEXT COLLATE "C" NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        session_id TEXT NOT NULL,
        code_verifier_enc TEXT NOT NULL,
        redirect_uri TEXT NOT NULL,
        token_endpoint TEXT NOT NULL,
        client_id TEXT NOT NULL,
        mode TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT COLLATE "C" NOT NULL
      );
      -- Deleting a connector cascades here by connector_id.
      CREATE INDEX oauth_transactions_by_connector ON oauth_transactions(connector_id);
    `,
  },
  {
    version: 2,
    name: "leases",
    sql: `
      CREATE TABLE leases (
        key TEXT COLLATE "C" PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at TEXT COLLATE "C" NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: "sign-in: users, session metadata, rate limits, audit log, meta, single-sign-on transactions",
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT COLLATE "C" NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        source TEXT NOT NULL,
        password_hash TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_sign_in_at TEXT
      );
      DELETE FROM sessions;
      ALTER TABLE sessions ADD COLUMN ip TEXT;
      CREATE INDEX sessions_by_user ON sessions(user_id);
      CREATE TABLE rate_limits (key TEXT PRIMARY KEY, count INTEGER NOT NULL, window_start TEXT COLLATE "C" NOT NULL);
      CREATE TABLE audit_log (
        seq BIGSERIAL PRIMARY KEY,
        at TEXT COLLATE "C" NOT NULL,
        actor_id TEXT,
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        target_name TEXT,
        ip TEXT,
        request_id TEXT,
        before_json TEXT,
        after_json TEXT
      );
      CREATE INDEX audit_by_time ON audit_log(at);
      -- Append-only, enforced by the database as well as by the code.
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE sso_transactions (
        state_hash TEXT PRIMARY KEY,
        code_verifier_enc TEXT NOT NULL,
        nonce TEXT NOT NULL,
        return_to TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT COLLATE "C" NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: "activity: rows, sync state, accounts",
    // SQLite's v5 schema. COLLATE "C" on every column that is sorted, range-compared or lower()ed:
    // order is bytewise as in SQLite, and lower() folds ASCII only, as SQLite's does (the task
    // filter and the account-name match depend on it). The primary key is the natural key
    // (connector, request_time, row_key); the second index serves time-ordered paging across
    // connectors. No index per filter, as in SQLite: each would cost a random-order insert per row.
    sql: `
      CREATE TABLE activity_rows (
        connector_id TEXT COLLATE "C" NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        request_time TEXT COLLATE "C" NOT NULL,
        row_key TEXT COLLATE "C" NOT NULL,
        system_account TEXT COLLATE "C" NOT NULL,
        task_id TEXT,
        task_display_name TEXT COLLATE "C",
        activity_action TEXT,
        ip_address TEXT,
        user_agent TEXT,
        device_type TEXT,
        session_id TEXT,
        target_id TEXT,
        target_descriptor TEXT,
        target_href TEXT,
        PRIMARY KEY (connector_id, request_time, row_key)
      );
      CREATE INDEX activity_rows_time ON activity_rows(request_time, connector_id, row_key);
      CREATE TABLE activity_sync_state (
        connector_id TEXT COLLATE "C" PRIMARY KEY REFERENCES connectors(id) ON DELETE CASCADE,
        backfill_days INTEGER,
        poll_interval_minutes INTEGER,
        lag_minutes INTEGER,
        retention_days INTEGER,
        covered_until TEXT,
        checkpoint_connected_at TEXT,
        run TEXT,
        last_window TEXT,
        pending_resync TEXT,
        last_sync_at TEXT,
        next_sync_at TEXT,
        last_error TEXT,
        workers_refreshed_at TEXT,
        workers_next_at TEXT,
        pruned_at TEXT
      );
      CREATE TABLE activity_accounts (
        connector_id TEXT COLLATE "C" NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        worker_id TEXT COLLATE "C" NOT NULL,
        system_account TEXT COLLATE "C",
        name TEXT COLLATE "C" NOT NULL,
        email TEXT,
        business_title TEXT,
        organization TEXT,
        is_manager BOOLEAN NOT NULL,
        PRIMARY KEY (connector_id, worker_id)
      );
      CREATE INDEX activity_accounts_by_account ON activity_accounts(connector_id, system_account);
    `,
  },
  {
    version: 5,
    name: "single sign-on accounts bound to the provider's subject",
    sql: `
      ALTER TABLE users ADD COLUMN sso_subject TEXT;
      CREATE UNIQUE INDEX users_by_sso_subject ON users(sso_subject);
    `,
  },
  {
    version: 6,
    name: "notification channels, the outbox, deliveries and their log; what was last announced per connector",
    sql: `
      ALTER TABLE connectors ADD COLUMN notified_status TEXT;
      ALTER TABLE connectors ADD COLUMN healthy_streak INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE notification_channels (
        id TEXT COLLATE "C" PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        url_enc TEXT,
        url_hint TEXT,
        format TEXT,
        recipients TEXT NOT NULL,
        events TEXT NOT NULL,
        connector_ids TEXT,
        enabled BOOLEAN NOT NULL,
        secret_enc TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE notification_outbox (
        id TEXT COLLATE "C" PRIMARY KEY,
        seq BIGSERIAL NOT NULL,
        type TEXT NOT NULL,
        connector_id TEXT COLLATE "C",
        channel_id TEXT COLLATE "C",
        once_key TEXT COLLATE "C" UNIQUE,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        fanned_out BOOLEAN NOT NULL DEFAULT FALSE
      );
      CREATE INDEX notification_outbox_unfanned ON notification_outbox(fanned_out, created_at);
      CREATE TABLE notification_deliveries (
        id TEXT COLLATE "C" PRIMARY KEY,
        event_id TEXT COLLATE "C" NOT NULL REFERENCES notification_outbox(id) ON DELETE CASCADE,
        channel_id TEXT COLLATE "C" NOT NULL REFERENCES notification_channels(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (event_id, channel_id)
      );
      CREATE INDEX notification_deliveries_due ON notification_deliveries(status, next_attempt_at);
      CREATE TABLE notification_attempts (
        seq BIGSERIAL PRIMARY KEY,
        channel_id TEXT COLLATE "C" NOT NULL REFERENCES notification_channels(id) ON DELETE CASCADE,
        event_id TEXT COLLATE "C" NOT NULL,
        event_type TEXT NOT NULL,
        connector_id TEXT COLLATE "C",
        attempt INTEGER NOT NULL,
        at TEXT NOT NULL,
        outcome TEXT NOT NULL,
        answer TEXT NOT NULL,
        next_attempt_at TEXT
      );
      CREATE INDEX notification_attempts_by_channel ON notification_attempts(channel_id, seq);
    `,
  },
  {
    version: 7,
    name: "the tenant's Workday site, given early in the wizard, for links to Workday's tasks",
    sql: `
      ALTER TABLE connectors ADD COLUMN workday_address TEXT;
    `,
  },
  {
    version: 8,
    name: "the Workday account that consented, kept on the connector",
    // On the connector, not looked up in activity_rows each time: retention prunes the consent row.
    sql: `
      ALTER TABLE connectors ADD COLUMN consenting_account TEXT;
    `,
  },
  {
    version: 9,
    name: "worker names folded for the activity account filter",
    // The filter matches a worker's name in any case: name_key is the name lower-cased (in the
    // BFF, so non-ASCII letters fold too) and spaces collapsed, set on every account refresh;
    // existing lists get SQL's lower() until their next daily refresh. Indexed per connector, so
    // the name → account lookup is one index probe; activity_accounts_by_account still links rows
    // to names.
    sql: `
      ALTER TABLE activity_accounts ADD COLUMN name_key TEXT COLLATE "C";
      UPDATE activity_accounts SET name_key = lower(name);
      CREATE INDEX activity_accounts_by_name ON activity_accounts(connector_id, name_key);
    `,
  },
  {
    version: 10,
    name: "hand-off links (hashes only); consent attempts started through a hand-off link",
    sql: `
      CREATE TABLE handoff_links (
        id TEXT COLLATE "C" PRIMARY KEY,
        seq BIGSERIAL NOT NULL,
        connector_id TEXT COLLATE "C" NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
        created_by TEXT NOT NULL,
        created_by_id TEXT,
        created_at TEXT COLLATE "C" NOT NULL,
        expires_at TEXT COLLATE "C" NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT,
        used_at TEXT,
        last_step TEXT,
        last_step_at TEXT,
        last_ip TEXT,
        last_user_agent TEXT,
        expiry_recorded_at TEXT,
        result_hash TEXT COLLATE "C" UNIQUE,
        result_expires_at TEXT COLLATE "C"
      );
      CREATE INDEX handoff_links_by_connector ON handoff_links(connector_id, created_at);
      -- A consent attempt belongs to a signed-in session or to a hand-off link, never both.
      ALTER TABLE oauth_transactions ALTER COLUMN session_id DROP NOT NULL;
      ALTER TABLE oauth_transactions ADD COLUMN handoff_link_id TEXT COLLATE "C" REFERENCES handoff_links(id) ON DELETE CASCADE;
      ALTER TABLE oauth_transactions ADD CONSTRAINT oauth_transactions_one_owner CHECK ((session_id IS NULL) <> (handoff_link_id IS NULL));
    `,
  },
  {
    version: 11,
    name: "API tokens (hashes only)",
    sql: `
      CREATE TABLE api_tokens (
        id TEXT COLLATE "C" PRIMARY KEY,
        seq BIGSERIAL NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
        prefix TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_by_id TEXT,
        created_at TEXT COLLATE "C" NOT NULL,
        expires_at TEXT COLLATE "C" NOT NULL,
        last_used_at TEXT COLLATE "C",
        revoked_at TEXT,
        revoked_by TEXT
      );
    `,
  },
  {
    version: 12,
    name: "the connectors list at scale: sort keys and indexes for its pages",
    // SQLite's v13. The columns the list sorts, compares or lower()s become COLLATE "C", so pages
    // come in SQLite's bytewise order and the search folds A–Z only, as SQLite's does. Their types
    // change before the generated columns that read them exist (PostgreSQL refuses it after).
    sql: `
      ALTER TABLE connectors ALTER COLUMN name_key TYPE TEXT COLLATE "C";
      ALTER TABLE connectors ALTER COLUMN status TYPE TEXT COLLATE "C";
      ALTER TABLE connectors ALTER COLUMN tenant TYPE TEXT COLLATE "C";
      ALTER TABLE connectors ALTER COLUMN last_success_at TYPE TEXT COLLATE "C";
      ALTER TABLE connectors ADD COLUMN status_rank INTEGER GENERATED ALWAYS AS (
        CASE status WHEN 'relink_needed' THEN 0 WHEN 'action_required' THEN 1 WHEN 'degraded' THEN 2 WHEN 'disconnected' THEN 3
          WHEN 'pending_authorization' THEN 4 WHEN 'pending_configuration' THEN 5 WHEN 'connected' THEN 6 ELSE 7 END
      ) STORED;
      ALTER TABLE connectors ADD COLUMN last_success_key TEXT COLLATE "C" GENERATED ALWAYS AS (coalesce(last_success_at, '')) STORED;
      CREATE INDEX connectors_by_status_rank ON connectors(status_rank, name_key, id);
      CREATE INDEX connectors_by_last_success ON connectors(last_success_key, name_key, id);
      CREATE INDEX connectors_by_status ON connectors(status, name_key, id);
      CREATE INDEX connectors_by_environment ON connectors(environment, name_key, id);
    `,
  },
  {
    version: 13,
    name: "activity policies, their pending matches, alerts and the rows behind each alert",
    // Policies evaluate each stored page in the sync's own pass (docs/policies.md). policy_matches
    // holds the rows a policy matched until their alerts are decided: written in the page's
    // transaction, decided (evaluated) right after, so a crash in between is finished on the next
    // page. Alerts are unique on their key (policy, connector, account, first row), and their rows
    // are listed by key: pruning activity leaves an alert's facts intact.
    sql: `
      CREATE TABLE activity_policies (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        severity TEXT NOT NULL,
        enabled BOOLEAN NOT NULL,
        connector_ids TEXT,
        definition TEXT NOT NULL,
        template_id TEXT,
        effective_from TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE policy_matches (
        policy_id TEXT COLLATE "C" NOT NULL,
        connector_id TEXT COLLATE "C" NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        row_key TEXT COLLATE "C" NOT NULL,
        request_time TEXT COLLATE "C" NOT NULL,
        account TEXT COLLATE "C" NOT NULL,
        evaluated BOOLEAN NOT NULL DEFAULT FALSE,
        PRIMARY KEY (policy_id, connector_id, row_key)
      );
      CREATE INDEX policy_matches_by_time ON policy_matches(connector_id, request_time);
      CREATE INDEX policy_matches_pending ON policy_matches(connector_id, evaluated);
      CREATE TABLE activity_alerts (
        id TEXT COLLATE "C" PRIMARY KEY,
        alert_key TEXT NOT NULL UNIQUE,
        policy_id TEXT COLLATE "C" NOT NULL,
        policy_name TEXT NOT NULL,
        severity TEXT NOT NULL,
        connector_id TEXT COLLATE "C" NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        account TEXT COLLATE "C" NOT NULL,
        status TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        first_row_at TEXT COLLATE "C" NOT NULL,
        last_row_at TEXT COLLATE "C" NOT NULL,
        raised_at TEXT COLLATE "C" NOT NULL,
        note TEXT,
        closed_by TEXT,
        closed_at TEXT
      );
      CREATE INDEX activity_alerts_newest ON activity_alerts(raised_at, id);
      CREATE INDEX activity_alerts_by_episode ON activity_alerts(connector_id, last_row_at);
      CREATE INDEX activity_alerts_by_policy ON activity_alerts(policy_id, status);
      CREATE TABLE activity_alert_rows (
        alert_id TEXT COLLATE "C" NOT NULL REFERENCES activity_alerts(id) ON DELETE CASCADE,
        row_key TEXT COLLATE "C" NOT NULL,
        request_time TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (alert_id, request_time, row_key)
      );
    `,
  },
  {
    version: 14,
    name: "threshold history, one entry per page, instead of one row per policy match",
    // A page's alerts are now decided before the page is committed and written in its transaction,
    // so no match waits to be decided any more. What is kept is only the threshold policies' matches
    // later pages count over: one JSON entry per page (one insert, not one per match), each match
    // tagged with the policy version that matched it, so a changed policy's history stops counting
    // without being deleted. Kept matches move over as one entry per connector. A match left
    // pending by a crash under the earlier scheme (between a page's commit and its decision) is
    // dropped: its row raises no alert.
    sql: `
      CREATE TABLE policy_history (
        connector_id TEXT COLLATE "C" NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        last_at TEXT COLLATE "C" NOT NULL,
        matches TEXT NOT NULL
      );
      CREATE INDEX policy_history_by_time ON policy_history(connector_id, last_at);
      INSERT INTO policy_history (connector_id, last_at, matches)
        SELECT m.connector_id, max(m.request_time), json_agg(json_build_array(m.policy_id, p.updated_at || '|' || p.effective_from, m.row_key, m.request_time, m.account))::text
        FROM policy_matches m JOIN activity_policies p ON p.id = m.policy_id
        WHERE m.evaluated <> FALSE GROUP BY m.connector_id;
      DROP TABLE policy_matches;
      -- The alert id, a digest of its key, is what makes a second write of the same alert do nothing.
      ALTER TABLE activity_alerts DROP CONSTRAINT activity_alerts_alert_key_key;
    `,
  },
  {
    version: 15,
    name: "rows added to open alerts, recorded per page and applied every few pages",
    // An open alert took the rows each page added to it in that page's transaction: on a dense
    // log about a hundred open alerts a page, each update on its own table page, every one of them
    // rewritten at commit. Now a page records the rows it adds to open alerts as one entry here, and
    // every few pages (and at the window's end) the entries are applied: the rows inserted, each
    // alert recounted once, the entries deleted. A crash between leaves entries the next window
    // applies before it decides anything (docs/policies.md).
    sql: `
      CREATE TABLE alert_extensions (
        seq BIGSERIAL PRIMARY KEY,
        connector_id TEXT COLLATE "C" NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        rows TEXT NOT NULL
      );
      CREATE INDEX alert_extensions_by_connector ON alert_extensions(connector_id);
    `,
  },
  {
    version: 16,
    name: "a count of status changes per connector's alerts",
    // A sync window re-read the connector's recent alerts on every page in case a user had resolved
    // or dismissed one meanwhile: hundreds of alerts a page on a dense log. It now holds them for
    // the window and reads them again only when this count moved.
    sql: `
      CREATE TABLE alert_status_changes (
        connector_id TEXT COLLATE "C" PRIMARY KEY REFERENCES connectors(id) ON DELETE CASCADE,
        changes BIGINT NOT NULL
      );
    `,
  },
  {
    version: 17,
    name: "a channel's lowest alert severity",
    // A broad policy raises alerts by the hundred: a channel (an email list, a pager) may take only
    // the high ones. Existing channels keep every alert.
    sql: `ALTER TABLE notification_channels ADD COLUMN alert_min_severity TEXT NOT NULL DEFAULT 'low';`,
  },
  {
    version: 18,
    name: "a channel's hourly alert limit",
    // A broad policy can raise hundreds of alerts an hour: a channel may take at most so many an
    // hour (the rest stay on the Alerts page), and says how many it held back. The index counts a
    // channel's recent deliveries at each fan-out.
    sql: `
      ALTER TABLE notification_channels ADD COLUMN alert_hourly_limit INTEGER;
      ALTER TABLE notification_channels ADD COLUMN alerts_held_back INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE notification_channels ADD COLUMN last_held_back_at TEXT;
      CREATE INDEX notification_deliveries_by_channel ON notification_deliveries(channel_id, created_at);
    `,
  },
  {
    version: 19,
    name: "alert counts kept by triggers, alerts by account",
    // Measured at 1,000,000 alerts (a year of a broad policy set): the Alerts page's counts read the
    // whole table (~420 ms of the event loop on SQLite), the Policies page's open counts ~80 ms, and
    // a list or count by account ~250-900 ms. Counts per (connector, policy, severity, status) are
    // now kept by triggers, on every insert, status change and delete (prune, connector deleted),
    // in the writing statement's transaction; an account is found through an index on its
    // lower-cased name, the form the filter compares.
    sql: `
      CREATE INDEX activity_alerts_by_account ON activity_alerts (lower(account), raised_at, id);
      CREATE TABLE alert_counts (
        connector_id TEXT COLLATE "C" NOT NULL,
        policy_id TEXT COLLATE "C" NOT NULL,
        severity TEXT NOT NULL,
        status TEXT NOT NULL,
        n BIGINT NOT NULL,
        PRIMARY KEY (connector_id, policy_id, severity, status)
      );
      INSERT INTO alert_counts (connector_id, policy_id, severity, status, n)
        SELECT connector_id, policy_id, severity, status, count(*) FROM activity_alerts GROUP BY connector_id, policy_id, severity, status;
      CREATE FUNCTION alert_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            UPDATE alert_counts SET n = n - 1
              WHERE connector_id = OLD.connector_id AND policy_id = OLD.policy_id AND severity = OLD.severity AND status = OLD.status;
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN
            INSERT INTO alert_counts (connector_id, policy_id, severity, status, n) VALUES (NEW.connector_id, NEW.policy_id, NEW.severity, NEW.status, 1)
              ON CONFLICT (connector_id, policy_id, severity, status) DO UPDATE SET n = alert_counts.n + 1;
          END IF;
          RETURN NULL;
        END $$;
      CREATE TRIGGER alert_counts_insert_delete AFTER INSERT OR DELETE ON activity_alerts FOR EACH ROW EXECUTE FUNCTION alert_counts_track();
      CREATE TRIGGER alert_counts_status AFTER UPDATE OF status ON activity_alerts FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION alert_counts_track();
    `,
  },
  {
    version: 20,
    name: "when a channel was last told its alert limit held alerts back",
    // A channel whose limit holds alerts back is told so, at most once an hour: the silence that
    // follows is then not mistaken for a quiet hour.
    sql: `ALTER TABLE notification_channels ADD COLUMN last_limit_notice_at TEXT;`,
  },
  {
    version: 21,
    name: "alert counts read from the alerts again",
    // The counts' triggers (version 19) locked a count row when a page inserted an alert, before the
    // page's extensions locked alert rows; a resolve locks the alert row first, then the count row:
    // the two could deadlock. PostgreSQL answers the count without blocking the console's event
    // loop, so it counts the alerts again; SQLite, which has one writer at a time, keeps the table.
    sql: `
      DROP TRIGGER alert_counts_status ON activity_alerts;
      DROP TRIGGER alert_counts_insert_delete ON activity_alerts;
      DROP FUNCTION alert_counts_track();
      DROP TABLE alert_counts;
    `,
  },
  {
    version: 22,
    name: "alert counts kept as appended changes, folded in later",
    // Measured at 1,000,000 alerts: the Alerts page's counts took ~280 ms of database time on every
    // load, the Policies page's open counts ~220 ms. Version 19's row triggers updated a count row
    // in the writer's transaction, which could deadlock a page with a resolve (version 21). Here a
    // statement's changes are appended as new rows (alert_count_changes), which no one else locks;
    // only the fold (pg-alert-counts.ts) moves them into alert_counts, and it touches no alert. A
    // count reads both in one statement, so a fold is never seen half done. Transition tables need
    // an UPDATE trigger without a column list, so the function keeps only the changed statuses.
    sql: `
      LOCK TABLE activity_alerts IN SHARE ROW EXCLUSIVE MODE;
      CREATE TABLE alert_counts (
        connector_id TEXT COLLATE "C" NOT NULL,
        policy_id TEXT COLLATE "C" NOT NULL,
        severity TEXT NOT NULL,
        status TEXT NOT NULL,
        n BIGINT NOT NULL,
        PRIMARY KEY (connector_id, policy_id, severity, status)
      );
      CREATE TABLE alert_count_changes (
        connector_id TEXT COLLATE "C" NOT NULL,
        policy_id TEXT COLLATE "C" NOT NULL,
        severity TEXT NOT NULL,
        status TEXT NOT NULL,
        n BIGINT NOT NULL
      );
      INSERT INTO alert_counts (connector_id, policy_id, severity, status, n)
        SELECT connector_id, policy_id, severity, status, count(*) FROM activity_alerts GROUP BY connector_id, policy_id, severity, status;
      CREATE FUNCTION alert_count_changes_added() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO alert_count_changes (connector_id, policy_id, severity, status, n)
            SELECT connector_id, policy_id, severity, status, count(*) FROM added GROUP BY connector_id, policy_id, severity, status;
          RETURN NULL;
        END $$;
      CREATE FUNCTION alert_count_changes_removed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO alert_count_changes (connector_id, policy_id, severity, status, n)
            SELECT connector_id, policy_id, severity, status, -count(*) FROM removed GROUP BY connector_id, policy_id, severity, status;
          RETURN NULL;
        END $$;
      CREATE FUNCTION alert_count_changes_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO alert_count_changes (connector_id, policy_id, severity, status, n)
            SELECT connector_id, policy_id, severity, status, sum(n) FROM (
              SELECT b.connector_id, b.policy_id, b.severity, b.status, -1 AS n FROM old_alerts b JOIN new_alerts a ON a.id = b.id
                WHERE (a.connector_id, a.policy_id, a.severity, a.status) IS DISTINCT FROM (b.connector_id, b.policy_id, b.severity, b.status)
              UNION ALL
              SELECT a.connector_id, a.policy_id, a.severity, a.status, 1 AS n FROM old_alerts b JOIN new_alerts a ON a.id = b.id
                WHERE (a.connector_id, a.policy_id, a.severity, a.status) IS DISTINCT FROM (b.connector_id, b.policy_id, b.severity, b.status)
            ) d GROUP BY connector_id, policy_id, severity, status HAVING sum(n) <> 0;
          RETURN NULL;
        END $$;
      CREATE TRIGGER alert_count_changes_added AFTER INSERT ON activity_alerts
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION alert_count_changes_added();
      CREATE TRIGGER alert_count_changes_removed AFTER DELETE ON activity_alerts
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION alert_count_changes_removed();
      CREATE TRIGGER alert_count_changes_changed AFTER UPDATE ON activity_alerts
        REFERENCING OLD TABLE AS old_alerts NEW TABLE AS new_alerts FOR EACH STATEMENT EXECUTE FUNCTION alert_count_changes_changed();
    `,
  },
  {
    version: 23,
    name: "what a channel had held back when it was told of its limit",
    // As SQLite's version 22: the summary of a noticed hour counts from here; null once queued.
    sql: `ALTER TABLE notification_channels ADD COLUMN held_back_at_notice BIGINT;`,
  },
  {
    version: 24,
    name: "delivery attempts by time",
    // As SQLite's version 24: the delivery log is pruned past NOTIFY_RETENTION_DAYS.
    sql: `CREATE INDEX notification_attempts_by_time ON notification_attempts(at);`,
  },
];

/**
 * Applies pending migrations, each in its own transaction. Concurrent starters (several replicas
 * booting at once) queue on an advisory lock scoped to the schema, and each re-checks
 * schema_migrations once it holds the lock, so no migration is applied twice.
 */
export async function migratePg(pool: Pool): Promise<void> {
  await inTransaction(pool, async (c) => {
    await lockMigrations(c);
    await c.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  });
  for (const m of PG_MIGRATIONS) {
    await inTransaction(pool, async (c) => {
      await lockMigrations(c);
      const done = await c.query("SELECT 1 FROM schema_migrations WHERE version = $1", [m.version]);
      if (done.rowCount) return;
      await c.query(m.sql);
      await c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [m.version, m.name, new Date().toISOString()]);
    });
  }
}

// Released with the transaction, so a crashed starter never leaves it held.
async function lockMigrations(c: { query(sql: string): Promise<unknown> }) {
  await c.query("SELECT pg_advisory_xact_lock(hashtext('workday-connect schema_migrations ' || coalesce(current_schema(), '')))");
}

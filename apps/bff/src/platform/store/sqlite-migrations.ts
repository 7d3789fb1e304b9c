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
    name: "sign-in: users, session metadata, rate limits, audit log, meta, single-sign-on transactions",
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        source TEXT NOT NULL,
        password_hash TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_sign_in_at TEXT
      );
      -- Sessions from before sign-in belonged to nobody: they end.
      DELETE FROM sessions;
      ALTER TABLE sessions ADD COLUMN ip TEXT;
      CREATE INDEX sessions_by_user ON sessions(user_id);
      CREATE TABLE rate_limits (key TEXT PRIMARY KEY, count INTEGER NOT NULL, window_start TEXT NOT NULL);
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
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
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE sso_transactions (
        state_hash TEXT PRIMARY KEY,
        code_verifier_enc TEXT NOT NULL,
        nonce TEXT NOT NULL,
        return_to TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: "leases",
    sql: `
      CREATE TABLE leases (
        key TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: "activity: rows, sync state (checkpoint per connector), accounts from /workers",
    // Portable SQL (TEXT times in ISO-8601 UTC with milliseconds, so text order is time order).
    // activity_rows is unique on (connector, request_time, row_key): row_key is a digest that
    // already covers request_time, so this is the natural key per connector, ordered by time so
    // the same index serves time-sorted paging and inserts land at its end during a backfill.
    // No other index: each costs an insert per row (measured: an account index cut bulk inserts
    // to a third, a global time index cost a quarter). Filters scan one connector's time range,
    // which the time bounds narrow; the cross-connector list merges per-connector ranges
    // (activity-across.ts) instead of keeping a global time index.
    sql: `
      CREATE TABLE activity_rows (
        connector_id TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        request_time TEXT NOT NULL,
        row_key TEXT NOT NULL,
        system_account TEXT NOT NULL,
        task_id TEXT,
        task_display_name TEXT,
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
      CREATE TABLE activity_sync_state (
        connector_id TEXT PRIMARY KEY REFERENCES connectors(id) ON DELETE CASCADE,
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
        connector_id TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        worker_id TEXT NOT NULL,
        system_account TEXT,
        name TEXT NOT NULL,
        email TEXT,
        business_title TEXT,
        organization TEXT,
        is_manager INTEGER NOT NULL,
        PRIMARY KEY (connector_id, worker_id)
      );
      CREATE INDEX activity_accounts_by_account ON activity_accounts(connector_id, system_account);
    `,
  },
  {
    version: 6,
    name: "single sign-on accounts bound to the provider's subject",
    sql: `
      ALTER TABLE users ADD COLUMN sso_subject TEXT;
      CREATE UNIQUE INDEX users_by_sso_subject ON users(sso_subject);
    `,
  },
  {
    version: 7,
    name: "notification channels, the outbox, deliveries and their log; what was last announced per connector",
    sql: `
      ALTER TABLE connectors ADD COLUMN notified_status TEXT;
      ALTER TABLE connectors ADD COLUMN healthy_streak INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE notification_channels (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        url_enc TEXT,
        url_hint TEXT,
        format TEXT,
        recipients TEXT NOT NULL,
        events TEXT NOT NULL,
        connector_ids TEXT,
        enabled INTEGER NOT NULL,
        secret_enc TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE notification_outbox (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        connector_id TEXT,
        channel_id TEXT,
        once_key TEXT UNIQUE,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        fanned_out INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX notification_outbox_unfanned ON notification_outbox(fanned_out, created_at);
      CREATE TABLE notification_deliveries (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES notification_outbox(id) ON DELETE CASCADE,
        channel_id TEXT NOT NULL REFERENCES notification_channels(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (event_id, channel_id)
      );
      CREATE INDEX notification_deliveries_due ON notification_deliveries(status, next_attempt_at);
      CREATE TABLE notification_attempts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id TEXT NOT NULL REFERENCES notification_channels(id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        event_type TEXT NOT NULL,
        connector_id TEXT,
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
    version: 8,
    name: "the tenant's Workday site, given early in the wizard, for links to Workday's tasks",
    sql: `
      ALTER TABLE connectors ADD COLUMN workday_address TEXT;
    `,
  },
  {
    version: 9,
    name: "the Workday account that consented, kept on the connector",
    // On the connector, not looked up in activity_rows each time: retention prunes the consent row.
    sql: `
      ALTER TABLE connectors ADD COLUMN consenting_account TEXT;
    `,
  },
  {
    version: 10,
    name: "worker names folded for the activity account filter",
    // The filter matches a worker's name in any case: name_key is the name lower-cased (in the
    // BFF, so non-ASCII letters fold too) and spaces collapsed, set on every account refresh;
    // existing lists get SQL's lower() until their next daily refresh. Indexed per connector, so
    // the name → account lookup is one index probe; activity_accounts_by_account still links rows
    // to names.
    sql: `
      ALTER TABLE activity_accounts ADD COLUMN name_key TEXT;
      UPDATE activity_accounts SET name_key = lower(name);
      CREATE INDEX activity_accounts_by_name ON activity_accounts(connector_id, name_key);
    `,
  },
  {
    version: 11,
    name: "hand-off links (hashes only); consent attempts started through a hand-off link",
    sql: `
      CREATE TABLE handoff_links (
        id TEXT PRIMARY KEY,
        connector_id TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        created_by TEXT NOT NULL,
        created_by_id TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT,
        used_at TEXT,
        last_step TEXT,
        last_step_at TEXT,
        last_ip TEXT,
        last_user_agent TEXT,
        expiry_recorded_at TEXT,
        result_hash TEXT UNIQUE,
        result_expires_at TEXT
      );
      CREATE INDEX handoff_links_by_connector ON handoff_links(connector_id, created_at);
      -- A consent attempt belongs to a signed-in session or to a hand-off link, never both.
      CREATE TABLE oauth_transactions_next (
        state_hash TEXT PRIMARY KEY,
        connector_id TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        session_id TEXT,
        handoff_link_id TEXT REFERENCES handoff_links(id) ON DELETE CASCADE,
        code_verifier_enc TEXT NOT NULL,
        redirect_uri TEXT NOT NULL,
        token_endpoint TEXT NOT NULL,
        client_id TEXT NOT NULL,
        mode TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        CHECK ((session_id IS NULL) <> (handoff_link_id IS NULL))
      );
      INSERT INTO oauth_transactions_next (state_hash, connector_id, session_id, code_verifier_enc, redirect_uri, token_endpoint, client_id, mode, created_at, expires_at)
        SELECT state_hash, connector_id, session_id, code_verifier_enc, redirect_uri, token_endpoint, client_id, mode, created_at, expires_at FROM oauth_transactions;
      DROP TABLE oauth_transactions;
      ALTER TABLE oauth_transactions_next RENAME TO oauth_transactions;
    `,
  },
  {
    version: 12,
    name: "API tokens (hashes only)",
    sql: `
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        prefix TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_by_id TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT,
        revoked_by TEXT
      );
    `,
  },
  {
    version: 13,
    name: "the connectors list at scale: sort keys and indexes for its pages",
    // The list pages by keyset (sort key, name, id). A never-successful connector sorts as the
    // empty string and a status by its rank (contracts' STATUS_SORT_ORDER; a status this version
    // does not know ranks last), so every sort key is a plain non-null column an index serves and
    // a row-value comparison continues after. VIRTUAL: computed on read, only the indexes store them.
    // Search by part of the name or tenant (LIKE '%…%') is a scan of the rows either way.
    sql: `
      ALTER TABLE connectors ADD COLUMN status_rank INTEGER GENERATED ALWAYS AS (
        CASE status WHEN 'relink_needed' THEN 0 WHEN 'action_required' THEN 1 WHEN 'degraded' THEN 2 WHEN 'disconnected' THEN 3
          WHEN 'pending_authorization' THEN 4 WHEN 'pending_configuration' THEN 5 WHEN 'connected' THEN 6 ELSE 7 END
      ) VIRTUAL;
      ALTER TABLE connectors ADD COLUMN last_success_key TEXT GENERATED ALWAYS AS (coalesce(last_success_at, '')) VIRTUAL;
      CREATE INDEX connectors_by_status_rank ON connectors(status_rank, name_key, id);
      CREATE INDEX connectors_by_last_success ON connectors(last_success_key, name_key, id);
      -- The filters, and the counts by status or environment (index-only scans). Sorting by name
      -- reads the unique name_key index (a name is one row: the id never breaks a tie).
      CREATE INDEX connectors_by_status ON connectors(status, name_key, id);
      CREATE INDEX connectors_by_environment ON connectors(environment, name_key, id);
    `,
  },
  {
    version: 14,
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
        enabled INTEGER NOT NULL,
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
        policy_id TEXT NOT NULL,
        connector_id TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        row_key TEXT NOT NULL,
        request_time TEXT NOT NULL,
        account TEXT NOT NULL,
        evaluated INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (policy_id, connector_id, row_key)
      );
      CREATE INDEX policy_matches_by_time ON policy_matches(connector_id, request_time);
      CREATE INDEX policy_matches_pending ON policy_matches(connector_id, evaluated);
      CREATE TABLE activity_alerts (
        id TEXT PRIMARY KEY,
        alert_key TEXT NOT NULL UNIQUE,
        policy_id TEXT NOT NULL,
        policy_name TEXT NOT NULL,
        severity TEXT NOT NULL,
        connector_id TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        account TEXT NOT NULL,
        status TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        first_row_at TEXT NOT NULL,
        last_row_at TEXT NOT NULL,
        raised_at TEXT NOT NULL,
        note TEXT,
        closed_by TEXT,
        closed_at TEXT
      );
      CREATE INDEX activity_alerts_newest ON activity_alerts(raised_at, id);
      CREATE INDEX activity_alerts_by_episode ON activity_alerts(connector_id, last_row_at);
      CREATE INDEX activity_alerts_by_policy ON activity_alerts(policy_id, status);
      CREATE TABLE activity_alert_rows (
        alert_id TEXT NOT NULL REFERENCES activity_alerts(id) ON DELETE CASCADE,
        row_key TEXT NOT NULL,
        request_time TEXT NOT NULL,
        PRIMARY KEY (alert_id, request_time, row_key)
      );
    `,
  },
  {
    version: 15,
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
        connector_id TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        last_at TEXT NOT NULL,
        matches TEXT NOT NULL
      );
      CREATE INDEX policy_history_by_time ON policy_history(connector_id, last_at);
      INSERT INTO policy_history (connector_id, last_at, matches)
        SELECT m.connector_id, max(m.request_time), json_group_array(json_array(m.policy_id, p.updated_at || '|' || p.effective_from, m.row_key, m.request_time, m.account))
        FROM policy_matches m JOIN activity_policies p ON p.id = m.policy_id
        WHERE m.evaluated <> 0 GROUP BY m.connector_id;
      DROP TABLE policy_matches;
      -- Alerts and their rows are written in the sync's page transactions: without a rowid (the
      -- primary key is the table, one B-tree fewer per write), and the alert id, a digest of its
      -- key, is what makes a second write of the same alert do nothing (no unique index on the key).
      -- Renamed first, children before parents, so dropping the old tables cascades into nothing.
      ALTER TABLE activity_alert_rows RENAME TO activity_alert_rows_old;
      ALTER TABLE activity_alerts RENAME TO activity_alerts_old;
      CREATE TABLE activity_alerts (
        id TEXT PRIMARY KEY,
        alert_key TEXT NOT NULL,
        policy_id TEXT NOT NULL,
        policy_name TEXT NOT NULL,
        severity TEXT NOT NULL,
        connector_id TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        account TEXT NOT NULL,
        status TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        first_row_at TEXT NOT NULL,
        last_row_at TEXT NOT NULL,
        raised_at TEXT NOT NULL,
        note TEXT,
        closed_by TEXT,
        closed_at TEXT
      ) WITHOUT ROWID;
      INSERT INTO activity_alerts (id, alert_key, policy_id, policy_name, severity, connector_id, account, status, row_count, first_row_at, last_row_at, raised_at, note, closed_by, closed_at)
        SELECT id, alert_key, policy_id, policy_name, severity, connector_id, account, status, row_count, first_row_at, last_row_at, raised_at, note, closed_by, closed_at
        FROM activity_alerts_old;
      CREATE TABLE activity_alert_rows (
        alert_id TEXT NOT NULL REFERENCES activity_alerts(id) ON DELETE CASCADE,
        row_key TEXT NOT NULL,
        request_time TEXT NOT NULL,
        PRIMARY KEY (alert_id, request_time, row_key)
      ) WITHOUT ROWID;
      INSERT INTO activity_alert_rows (alert_id, row_key, request_time) SELECT alert_id, row_key, request_time FROM activity_alert_rows_old;
      DROP TABLE activity_alert_rows_old;
      DROP TABLE activity_alerts_old;
      CREATE INDEX activity_alerts_newest ON activity_alerts(raised_at, id);
      CREATE INDEX activity_alerts_by_episode ON activity_alerts(connector_id, last_row_at);
      CREATE INDEX activity_alerts_by_policy ON activity_alerts(policy_id, status);
    `,
  },
  {
    version: 16,
    name: "rows added to open alerts, recorded per page and applied every few pages",
    // An open alert took the rows each page added to it in that page's transaction: on a dense
    // log about a hundred open alerts a page, each update on its own table page, every one of them
    // rewritten at commit. Now a page records the rows it adds to open alerts as one entry here, and
    // every few pages (and at the window's end) the entries are applied: the rows inserted, each
    // alert recounted once, the entries deleted. A crash between leaves entries the next window
    // applies before it decides anything (docs/policies.md).
    sql: `
      CREATE TABLE alert_extensions (
        connector_id TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        rows TEXT NOT NULL
      );
      CREATE INDEX alert_extensions_by_connector ON alert_extensions(connector_id);
    `,
  },
  {
    version: 17,
    name: "a count of status changes per connector's alerts",
    // A sync window re-read the connector's recent alerts on every page in case a user had resolved
    // or dismissed one meanwhile: hundreds of alerts a page on a dense log. It now holds them for
    // the window and reads them again only when this count moved.
    sql: `
      CREATE TABLE alert_status_changes (
        connector_id TEXT PRIMARY KEY REFERENCES connectors(id) ON DELETE CASCADE,
        changes INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 18,
    name: "a channel's lowest alert severity",
    // A broad policy raises alerts by the hundred: a channel (an email list, a pager) may take only
    // the high ones. Existing channels keep every alert.
    sql: `ALTER TABLE notification_channels ADD COLUMN alert_min_severity TEXT NOT NULL DEFAULT 'low';`,
  },
  {
    version: 19,
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
    version: 20,
    name: "alert counts kept by triggers, alerts by account",
    // Measured at 1,000,000 alerts (a year of a broad policy set): the Alerts page's counts read the
    // whole table (~420 ms of the event loop on SQLite), the Policies page's open counts ~80 ms, and
    // a list or count by account ~250-900 ms. Counts per (connector, policy, severity, status) are
    // now kept by triggers, on every insert, status change and delete (prune, connector deleted),
    // in the writing statement's transaction; an account is found through an index on its
    // lower-cased name, the form the filter compares.
    sql: `
      CREATE INDEX activity_alerts_by_account ON activity_alerts(lower(account), raised_at, id);
      CREATE TABLE alert_counts (
        connector_id TEXT NOT NULL,
        policy_id TEXT NOT NULL,
        severity TEXT NOT NULL,
        status TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (connector_id, policy_id, severity, status)
      ) WITHOUT ROWID;
      INSERT INTO alert_counts (connector_id, policy_id, severity, status, n)
        SELECT connector_id, policy_id, severity, status, count(*) FROM activity_alerts GROUP BY connector_id, policy_id, severity, status;
      CREATE TRIGGER alert_counts_insert AFTER INSERT ON activity_alerts BEGIN
        INSERT INTO alert_counts (connector_id, policy_id, severity, status, n) VALUES (new.connector_id, new.policy_id, new.severity, new.status, 1)
          ON CONFLICT (connector_id, policy_id, severity, status) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER alert_counts_delete AFTER DELETE ON activity_alerts BEGIN
        UPDATE alert_counts SET n = n - 1
          WHERE connector_id = old.connector_id AND policy_id = old.policy_id AND severity = old.severity AND status = old.status;
      END;
      CREATE TRIGGER alert_counts_status AFTER UPDATE OF status ON activity_alerts WHEN old.status IS NOT new.status BEGIN
        UPDATE alert_counts SET n = n - 1
          WHERE connector_id = old.connector_id AND policy_id = old.policy_id AND severity = old.severity AND status = old.status;
        INSERT INTO alert_counts (connector_id, policy_id, severity, status, n) VALUES (new.connector_id, new.policy_id, new.severity, new.status, 1)
          ON CONFLICT (connector_id, policy_id, severity, status) DO UPDATE SET n = n + 1;
      END;
    `,
  },
  {
    version: 21,
    name: "when a channel was last told its alert limit held alerts back",
    // A channel whose limit holds alerts back is told so, at most once an hour: the silence that
    // follows is then not mistaken for a quiet hour.
    sql: `ALTER TABLE notification_channels ADD COLUMN last_limit_notice_at TEXT;`,
  },
  {
    version: 22,
    name: "what a channel had held back when it was told of its limit",
    // Once the noticed hour is over the channel is told how many alerts its limit held back in it:
    // the count then, against the count now. Null once that summary is queued.
    sql: `ALTER TABLE notification_channels ADD COLUMN held_back_at_notice INTEGER;`,
  },
  {
    version: 23,
    name: "which refresh wrote each worker account",
    // The account list is replaced in short transactions (sqlite-activity.ts): each worker is
    // written with its refresh's generation, and those of older ones are deleted after.
    sql: `ALTER TABLE activity_accounts ADD COLUMN generation TEXT;`,
  },
  {
    version: 24,
    name: "delivery attempts by time",
    // The delivery log is pruned past NOTIFY_RETENTION_DAYS (docs/notifications.md): the oldest
    // attempts found without reading the whole log.
    sql: `CREATE INDEX notification_attempts_by_time ON notification_attempts(at);`,
  },
];

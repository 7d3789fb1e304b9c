import { sqlitePolicyStore } from "../policies";
import { writeTx } from "../platform/store/sqlite-tx";
import { isUniqueViolation, openSqlite, type SqliteDb, type SqliteOptions } from "../platform/store/sqlite-driver";
import type { Logger } from "pino";
import { preparePrivateDatabaseFile } from "../platform/store/private-file";
import type { ConnectorStatus, TimelineEntry } from "@wc/contracts";
import { connectorFromRow, connectorToRow } from "../connectors/connector-columns";
import { SEALED_CHANNELS_SQL, SEALED_CONNECTORS_SQL, SEALED_TRANSACTIONS_SQL, sealedColumn, sealedRowsFrom } from "../workday/sealed-columns";
import { sqliteLeases } from "../platform/store/sqlite-leases";
import { SQLITE_MIGRATIONS } from "../platform/store/sqlite-migrations";
import { sqliteAuthStore } from "../auth/sqlite-auth";
import { transactionFromRow } from "../consent/transaction-columns";
import { NameTakenError, type CiphertextSwap, type SealedRow, type SessionRecord, type Store, type SyncCoverage } from "./types";
import { PRUNE_ROWS, sqliteActivityStore } from "../activity/sqlite-activity";
import { DROP_ALERTS } from "../policies/alert-sql";
import { sqliteNotificationStore, sqliteOutboxWriter } from "../notifications/sqlite-notifications";
import { sqliteHandoffStore } from "../handoff/sqlite-handoff";
import { sqliteApiTokenStore } from "../api-tokens/sqlite-api-tokens";
import type { OutboxEvent } from "../notifications/notification-store";
import { deleteInChunks, inThreadWriter, workerWriter } from "../platform/store/sqlite-writer";
import { SESSION_WITH_USER, sessionWithUserFromRow } from "./session-with-user";
import { sqliteConnectorListStore } from "../connectors/sqlite-connector-list";

type Row = Record<string, unknown>;

/** Opens (creating if needed, mode 0600) the SQLite file and applies pending migrations in one transaction each. */
export function openSqliteStore(file: string, log?: Pick<Logger, "warn">, sqlite: SqliteOptions = {}): Store {
  const tightened = file === ":memory:" ? [] : preparePrivateDatabaseFile(file);
  if (tightened.length > 0) log?.warn({ files: tightened }, "the database file was readable by other users: tightened it to mode 0600");
  const db = openSqlite(file, sqlite);
  db.exec("PRAGMA journal_mode = WAL");
  // In WAL mode NORMAL syncs the log at checkpoints, not at every commit: a process crash keeps
  // every committed transaction; only an OS crash or power loss may roll back the last ones. At
  // full sync each of a health round's several small commits per connector waited on the disk with
  // the event loop blocked (README, "Holding up under load").
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA busy_timeout = 5000");
  migrate(db);
  const writer = file === ":memory:" ? inThreadWriter(db) : workerWriter(file);

  const insertTimeline = db.prepare(
    `INSERT INTO connector_timeline (connector_id, at, from_status, to_status, reason_code, actor)
     VALUES (@connectorId, @at, @from, @to, @reasonCode, @actor)`,
  );
  const addTimeline = (connectorId: string, t: TimelineEntry) => insertTimeline.run({ connectorId, ...t });

  const insertConnector = writeTx(db, (row: Row, t: TimelineEntry) => {
    const cols = Object.keys(row);
    db.prepare(`INSERT INTO connectors (${cols.join(", ")}) VALUES (${cols.map((c) => `@${c}`).join(", ")})`).run(row);
    addTimeline(String(row.id), t);
  });

  const queueEvent = sqliteOutboxWriter(db);
  const updateConnector = writeTx(db, (id: string, row: Row, t?: TimelineEntry, events: OutboxEvent[] = []) => {
    const cols = Object.keys(row);
    if (cols.length > 0) {
      const sets = cols.map((c) => `${c} = @${c}`).join(", ");
      const r = db.prepare(`UPDATE connectors SET ${sets} WHERE id = @__id`).run({ ...row, __id: id });
      if (r.changes === 0) return false;
    }
    if (t) addTimeline(id, t);
    for (const e of events) queueEvent(e);
    return true;
  });

  const takeTx = writeTx(db, (hash: string) => {
    const row = db.prepare("SELECT * FROM oauth_transactions WHERE state_hash = ?").get(hash) as Row | undefined;
    if (!row) return null;
    db.prepare("DELETE FROM oauth_transactions WHERE state_hash = ?").run(hash);
    return row;
  });

  const replaceCiphertexts = writeTx(db, (row: Pick<SealedRow, "table" | "id">, swaps: CiphertextSwap[]) => {
    let replaced = 0;
    for (const s of swaps) {
      const { key, column } = sealedColumn(row.table, s.field);
      const sql = `UPDATE ${row.table} SET ${column} = ? WHERE ${key} = ? AND ${column} = ?`;
      replaced += db.prepare(sql).run(s.next, row.id, s.expected).changes;
    }
    return replaced;
  });

  const getConnector = (id: string) => {
    const row = db.prepare("SELECT * FROM connectors WHERE id = ?").get(id) as Row | undefined;
    return row ? connectorFromRow(row) : null;
  };

  return {
    ...sqliteAuthStore(db),
    ...sqliteActivityStore(db, writer),
    ...sqliteNotificationStore(db, writer),
    ...sqliteHandoffStore(db),
    ...sqliteApiTokenStore(db),
    ...sqliteConnectorListStore(db),
    ...sqlitePolicyStore(db, writer),
    async insertConnector(rec, t) {
      try {
        insertConnector({ ...connectorToRow(rec), name_key: rec.name.toLowerCase() }, t);
      } catch (e) {
        if (isUniqueViolation(e)) throw new NameTakenError(rec.name);
        throw e;
      }
    },
    async getConnector(id) {
      return getConnector(id);
    },
    async listConnectors() {
      const rows = db.prepare("SELECT * FROM connectors ORDER BY created_at, rowid").all() as Row[];
      return rows.map(connectorFromRow);
    },
    async countConnectorsByStatus() {
      const rows = db.prepare("SELECT status, count(*) AS n FROM connectors GROUP BY status").all() as { status: ConnectorStatus; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
    async listSyncCoverage() {
      return db
        .prepare(
          `SELECT c.id AS connectorId, c.status AS status, s.covered_until AS coveredUntil
           FROM connectors c JOIN activity_sync_state s ON s.connector_id = c.id WHERE s.covered_until IS NOT NULL ORDER BY c.id`,
        )
        .all() as unknown as SyncCoverage[];
    },
    async updateConnector(id, patch, t, events) {
      const row = connectorToRow(patch);
      if (patch.name !== undefined) row.name_key = patch.name.toLowerCase();
      try {
        return updateConnector(id, row, t, events) ? getConnector(id) : null;
      } catch (e) {
        if (isUniqueViolation(e)) throw new NameTakenError(patch.name ?? "");
        throw e;
      }
    },
    async deleteConnector(id) {
      // Its activity and alerts first, in short transactions (a connector may hold millions of
      // rows); then the connector, which takes the rest with it. Stopped half-way, the connector is
      // still there, with less history, and deleting it again finishes the job.
      await deleteInChunks(writer, PRUNE_ROWS, [id, "\uffff"]);
      await deleteInChunks(writer, DROP_ALERTS, [id]);
      return db.prepare("DELETE FROM connectors WHERE id = ?").run(id).changes > 0;
    },
    async listTimeline(connectorId) {
      const rows = db
        .prepare(
          `SELECT at, from_status AS "from", to_status AS "to", reason_code AS reasonCode, actor
           FROM connector_timeline WHERE connector_id = ? ORDER BY seq`,
        )
        .all(connectorId) as TimelineEntry[];
      return rows;
    },
    async createSession(s) {
      db.prepare(
        `INSERT INTO sessions (id, user_id, user_name, role, created_at, last_seen_at, ip)
         VALUES (@id, @userId, @userName, @role, @createdAt, @lastSeenAt, @ip)`,
      ).run(s);
    },
    async getSession(id) {
      const row = db
        .prepare(
          `SELECT id, user_id AS userId, user_name AS userName, role, created_at AS createdAt, last_seen_at AS lastSeenAt, ip
           FROM sessions WHERE id = ?`,
        )
        .get(id) as SessionRecord | undefined;
      return row ?? null;
    },
    async getSessionWithUser(id) {
      return sessionWithUserFromRow(db.prepare(SESSION_WITH_USER).get(id) as Record<string, unknown> | undefined);
    },
    async touchSession(id, at) {
      db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?").run(at, id);
    },
    async deleteSession(id) {
      db.prepare("DELETE FROM sessions WHERE id = ?").run(id);
    },
    async insertTransaction(t) {
      db.prepare(
        `INSERT INTO oauth_transactions (state_hash, connector_id, session_id, handoff_link_id, code_verifier_enc, redirect_uri,
           token_endpoint, client_id, mode, created_at, expires_at)
         VALUES (@stateHash, @connectorId, @sessionId, @handoffLinkId, @codeVerifierEnc, @redirectUri, @tokenEndpoint, @clientId,
           @mode, @createdAt, @expiresAt)`,
      ).run({ ...t, handoffLinkId: t.handoffLinkId ?? null });
    },
    async takeTransaction(hash) {
      const row = takeTx(hash);
      return row ? transactionFromRow(row) : null;
    },
    async purgeExpiredTransactions(now) {
      return db.prepare("DELETE FROM oauth_transactions WHERE expires_at <= ?").run(now).changes;
    },
    async listCiphertexts() {
      return sealedRowsFrom(
        db.prepare(SEALED_CONNECTORS_SQL).all() as Row[],
        db.prepare(SEALED_TRANSACTIONS_SQL).all() as Row[],
        db.prepare(SEALED_CHANNELS_SQL).all() as Row[],
      );
    },
    async replaceCiphertexts(row, swaps) {
      return replaceCiphertexts(row, swaps);
    },
    ...sqliteLeases(db),
    async close() {
      await writer.close();
      db.close();
    },
  };
}

function migrate(db: SqliteDb) {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = new Set((db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version));
  for (const m of SQLITE_MIGRATIONS) {
    if (applied.has(m.version)) continue;
    writeTx(db, () => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, new Date().toISOString());
    })();
  }
}

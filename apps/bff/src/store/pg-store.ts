import { pgPolicyStore } from "../policies";
import { DatabaseError, Pool, type PoolClient } from "pg";
import type { ConnectorStatus, TimelineEntry } from "@wc/contracts";
import { connectorFromRow, connectorToRow } from "../connectors/connector-columns";
import { pgActivityStore } from "../activity/pg-activity";
import { pgNotificationStore, pgQueueEvents } from "../notifications/pg-notifications";
import { migratePg } from "../platform/store/pg-migrations";
import { pgAuthStore } from "../auth/pg-auth";
import { pgLeases } from "../platform/store/pg-leases";
import { pgHandoffStore } from "../handoff/pg-handoff";
import { pgApiTokenStore } from "../api-tokens/pg-api-tokens";
import { inTransaction } from "../platform/store/pg-transaction";
import { pgConnectorListStore } from "../connectors/pg-connector-list";
import { SEALED_CHANNELS_SQL, SEALED_CONNECTORS_SQL, SEALED_TRANSACTIONS_SQL, sealedColumn, sealedRowsFrom } from "../workday/sealed-columns";
import { transactionFromRow } from "../consent/transaction-columns";
import { SESSION_WITH_USER, sessionWithUserFromRow } from "./session-with-user";
import { NameTakenError, type SessionRecord, type Store, type SyncCoverage } from "./types";

type Row = Record<string, unknown>;
type Queryable = Pick<PoolClient, "query">;

/** Connects, applies pending migrations (safe with several replicas starting at once) and returns the store. */
export async function openPgStore(url: string): Promise<Store> {
  const pool = new Pool({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server must not crash the process: the pool discards it
  // and the next query opens a new one (or fails with its own, reportable error).
  pool.on("error", () => undefined);
  try {
    await migratePg(pool);
  } catch (e) {
    await pool.end();
    // The host says which database was meant; the URL itself may carry a password.
    throw new Error(`PostgreSQL at ${hostOf(url)}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }

  return {
    async insertConnector(rec, t) {
      const row = { ...connectorToRow(rec), name_key: rec.name.toLowerCase() };
      const cols = Object.keys(row);
      try {
        await inTransaction(pool, async (c) => {
          await c.query(`INSERT INTO connectors (${cols.join(", ")}) VALUES (${placeholders(cols.length)})`, Object.values(row));
          await insertTimeline(c, rec.id, t);
        });
      } catch (e) {
        if (isNameTaken(e)) throw new NameTakenError(rec.name);
        throw e;
      }
    },
    async getConnector(id) {
      const r = await pool.query<Row>("SELECT * FROM connectors WHERE id = $1", [id]);
      return r.rows[0] ? connectorFromRow(r.rows[0]) : null;
    },
    async listConnectors() {
      const r = await pool.query<Row>("SELECT * FROM connectors ORDER BY created_at, seq");
      return r.rows.map(connectorFromRow);
    },
    async countConnectorsByStatus() {
      const r = await pool.query<{ status: ConnectorStatus; n: string }>("SELECT status, count(*) AS n FROM connectors GROUP BY status");
      return Object.fromEntries(r.rows.map((row) => [row.status, Number(row.n)]));
    },
    async listSyncCoverage() {
      const r = await pool.query<SyncCoverage>(
        `SELECT c.id AS "connectorId", c.status AS status, s.covered_until AS "coveredUntil"
         FROM connectors c JOIN activity_sync_state s ON s.connector_id = c.id WHERE s.covered_until IS NOT NULL ORDER BY c.id COLLATE "C"`,
      );
      return r.rows;
    },
    async updateConnector(id, patch, t, events = []) {
      const row = connectorToRow(patch);
      if (patch.name !== undefined) row.name_key = patch.name.toLowerCase();
      const cols = Object.keys(row);
      const sets = cols.map((col, i) => `${col} = $${i + 2}`).join(", ");
      try {
        return await inTransaction(pool, async (c) => {
          const r =
            cols.length > 0
              ? await c.query<Row>(`UPDATE connectors SET ${sets} WHERE id = $1 RETURNING *`, [id, ...Object.values(row)])
              : await c.query<Row>("SELECT * FROM connectors WHERE id = $1 FOR UPDATE", [id]);
          const updated = r.rows[0];
          if (!updated) return null;
          if (t) await insertTimeline(c, id, t);
          await pgQueueEvents(c, events);
          return connectorFromRow(updated);
        });
      } catch (e) {
        if (isNameTaken(e)) throw new NameTakenError(patch.name ?? "");
        throw e;
      }
    },
    async deleteConnector(id) {
      return ((await pool.query("DELETE FROM connectors WHERE id = $1", [id])).rowCount ?? 0) > 0;
    },
    async listTimeline(connectorId) {
      const r = await pool.query<TimelineEntry>(
        `SELECT at, from_status AS "from", to_status AS "to", reason_code AS "reasonCode", actor
         FROM connector_timeline WHERE connector_id = $1 ORDER BY seq`,
        [connectorId],
      );
      return r.rows;
    },
    async createSession(s) {
      await pool.query("INSERT INTO sessions (id, user_id, user_name, role, created_at, last_seen_at, ip) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
        s.id,
        s.userId,
        s.userName,
        s.role,
        s.createdAt,
        s.lastSeenAt,
        s.ip,
      ]);
    },
    async getSession(id) {
      const r = await pool.query<SessionRecord>(
        `SELECT id, user_id AS "userId", user_name AS "userName", role, created_at AS "createdAt", last_seen_at AS "lastSeenAt", ip
         FROM sessions WHERE id = $1`,
        [id],
      );
      return r.rows[0] ?? null;
    },
    async getSessionWithUser(id) {
      return sessionWithUserFromRow((await pool.query<Record<string, unknown>>(SESSION_WITH_USER.replace("?", "$1"), [id])).rows[0]);
    },
    async touchSession(id, at) {
      await pool.query("UPDATE sessions SET last_seen_at = $2 WHERE id = $1", [id, at]);
    },
    async deleteSession(id) {
      await pool.query("DELETE FROM sessions WHERE id = $1", [id]);
    },
    async insertTransaction(t) {
      await pool.query(
        `INSERT INTO oauth_transactions (state_hash, connector_id, session_id, handoff_link_id, code_verifier_enc, redirect_uri,
           token_endpoint, client_id, mode, created_at, expires_at) VALUES (${placeholders(11)})`,
        [
          t.stateHash,
          t.connectorId,
          t.sessionId,
          t.handoffLinkId ?? null,
          t.codeVerifierEnc,
          t.redirectUri,
          t.tokenEndpoint,
          t.clientId,
          t.mode,
          t.createdAt,
          t.expiresAt,
        ],
      );
    },
    async takeTransaction(hash) {
      // One statement: of two concurrent takes, the second finds the row already deleted.
      const r = await pool.query<Row>("DELETE FROM oauth_transactions WHERE state_hash = $1 RETURNING *", [hash]);
      return r.rows[0] ? transactionFromRow(r.rows[0]) : null;
    },
    async purgeExpiredTransactions(now) {
      return (await pool.query("DELETE FROM oauth_transactions WHERE expires_at <= $1", [now])).rowCount ?? 0;
    },
    async listCiphertexts() {
      const [connectors, txs, channels] = await Promise.all([
        pool.query<Row>(SEALED_CONNECTORS_SQL),
        pool.query<Row>(SEALED_TRANSACTIONS_SQL),
        pool.query<Row>(SEALED_CHANNELS_SQL),
      ]);
      return sealedRowsFrom(connectors.rows, txs.rows, channels.rows);
    },
    async replaceCiphertexts(row, swaps) {
      return inTransaction(pool, async (c) => {
        let replaced = 0;
        for (const s of swaps) {
          const { key, column } = sealedColumn(row.table, s.field);
          const r = await c.query(`UPDATE ${row.table} SET ${column} = $1 WHERE ${key} = $2 AND ${column} = $3`, [s.next, row.id, s.expected]);
          replaced += r.rowCount ?? 0;
        }
        return replaced;
      });
    },
    ...pgLeases(pool),
    ...pgAuthStore(pool),
    ...pgActivityStore(pool),
    ...pgNotificationStore(pool),
    ...pgHandoffStore(pool),
    ...pgApiTokenStore(pool),
    ...pgConnectorListStore(pool),
    ...pgPolicyStore(pool),
    async close() {
      await pool.end();
    },
  };
}

async function insertTimeline(c: Queryable, connectorId: string, t: TimelineEntry) {
  await c.query("INSERT INTO connector_timeline (connector_id, at, from_status, to_status, reason_code, actor) VALUES ($1, $2, $3, $4, $5, $6)", [
    connectorId,
    t.at,
    t.from,
    t.to,
    t.reasonCode,
    t.actor,
  ]);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || "(local socket)";
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

function placeholders(n: number): string {
  return Array.from({ length: n }, (_, i) => `$${i + 1}`).join(", ");
}

// Only the case-insensitive name is a user error; any other unique violation is a bug to surface.
function isNameTaken(e: unknown): boolean {
  return e instanceof DatabaseError && e.code === "23505" && e.constraint === "connectors_name_key";
}

import type { Pool, PoolClient } from "pg";
import { inTransaction } from "../platform/store/pg-transaction";
import { leaseExpiry } from "../platform/store/leases";
import {
  attemptFromRow,
  channelFromRow,
  channelToRow,
  JOB_SELECT,
  jobFromRow,
  OUTBOX_COLUMNS,
  PRUNE_LOG,
  outboxFromRow,
  outboxValues,
  ATTEMPTS_SQL,
} from "./notification-columns";
import type { NotificationStore, OutboxEvent } from "./notification-store";
import { countingChannels, HOUR_MS, limitedChannels, planFanOut, summariesDue } from "./fan-out-plan";
import { alertLimitReachedEvent, alertLimitSummaryEvent } from "./outbox-events";

type Row = Record<string, unknown>;
const PRUNE_CHUNK = 5_000;
const PRUNE_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('workday-connect notification log ' || coalesce(current_schema(), ''))) AS got";

/** `?` placeholders (shared SQL text) as PostgreSQL's `$n`. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

// Events in one statement (an activity page's alerts, a connector update's), in their order: one round trip, not one each.
const INSERT_EVENTS = `INSERT INTO notification_outbox (${OUTBOX_COLUMNS.join(", ")})
  SELECT ${OUTBOX_COLUMNS.join(", ")} FROM unnest(${OUTBOX_COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(", ")})
    WITH ORDINALITY AS x(${OUTBOX_COLUMNS.join(", ")}, ord) ORDER BY ord
  ON CONFLICT (once_key) DO NOTHING`;

/** Queues events inside the caller's transaction, in one statement; how many were new. */
export async function pgQueueEvents(c: Pick<PoolClient, "query">, events: readonly OutboxEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map(outboxValues);
  const columns = OUTBOX_COLUMNS.map((_, i) => rows.map((r) => r[i] ?? null));
  return (await c.query({ name: "wc_insert_events", text: INSERT_EVENTS, values: columns })).rowCount ?? 0;
}

// SKIP LOCKED spreads concurrent claimers over different deliveries; the lease upsert's WHERE is
// the guarantee, and only the leases this statement wrote come back.
const CLAIM = `WITH due AS (
    SELECT d.id, d.next_attempt_at, e.seq FROM notification_deliveries d JOIN notification_outbox e ON e.id = d.event_id
    LEFT JOIN leases l ON l.key = 'notify:' || d.id
    WHERE d.status = 'pending' AND d.next_attempt_at <= $3 AND (l.key IS NULL OR l.expires_at <= $3)
    ORDER BY d.next_attempt_at, e.seq, d.id LIMIT $4
    FOR UPDATE OF d SKIP LOCKED
  ), taken AS (
    INSERT INTO leases (key, owner, expires_at) SELECT 'notify:' || id, $1::text, $2::text FROM due
    ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at WHERE leases.expires_at <= $3
    RETURNING key
  )
  SELECT due.id FROM due JOIN taken ON taken.key = 'notify:' || due.id ORDER BY due.next_attempt_at, due.seq, due.id`;

/** The notifications half of the PostgreSQL store. */
export function pgNotificationStore(pool: Pool): NotificationStore {
  const getChannel = async (id: string) => {
    const r = await pool.query<Row>("SELECT * FROM notification_channels WHERE id = $1", [id]);
    return r.rows[0] ? channelFromRow(r.rows[0]) : null;
  };
  return {
    async insertChannel(c) {
      const row = channelToRow(c);
      const cols = Object.keys(row);
      await pool.query(`INSERT INTO notification_channels (${cols.join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")})`, Object.values(row));
    },
    getChannel,
    async listChannels() {
      return (await pool.query<Row>("SELECT * FROM notification_channels ORDER BY created_at, id")).rows.map(channelFromRow);
    },
    async updateChannel(id, patch) {
      const row = channelToRow(patch);
      const cols = Object.keys(row);
      if (cols.length > 0) {
        const sets = cols.map((c, i) => `${c} = $${i + 2}`).join(", ");
        const r = await pool.query(`UPDATE notification_channels SET ${sets} WHERE id = $1`, [id, ...Object.values(row)]);
        if (r.rowCount === 0) return null;
      }
      return getChannel(id);
    },
    async deleteChannel(id) {
      return ((await pool.query("DELETE FROM notification_channels WHERE id = $1", [id])).rowCount ?? 0) > 0;
    },
    async enqueueEvent(e) {
      // False when its once-key was queued before.
      return (await pgQueueEvents(pool, [e])) > 0;
    },
    async fanOutEvents(limit, now, wants) {
      return inTransaction(pool, async (c) => {
        const events = (
          await c.query<Row>("SELECT * FROM notification_outbox WHERE fanned_out = FALSE ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED", [limit])
        ).rows.map((r) => outboxFromRow(r));
        let channels = (await c.query<Row>("SELECT * FROM notification_channels")).rows.map(channelFromRow);
        // A summary is due an hour after a notice, whether alerts still come or not.
        if (events.length === 0 && summariesDue(channels, now).length === 0) return 0;
        const counting = countingChannels(channels);
        const sent = new Map<string, number>();
        if (counting.length > 0) {
          // Replicas fan out different events side by side (SKIP LOCKED above): the channels whose
          // limit counts they write are locked, in id order, so two of them never both take the last
          // place in an hour or both send the hour's notice or summary; read again once locked, as
          // the other left them.
          const locked = (
            await c.query<Row>("SELECT * FROM notification_channels WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE", [counting])
          ).rows.map(channelFromRow);
          channels = channels.map((ch) => locked.find((l) => l.id === ch.id) ?? ch);
        }
        const limited = events.length > 0 ? limitedChannels(channels) : [];
        if (limited.length > 0) {
          const since = new Date(Date.parse(now) - HOUR_MS).toISOString();
          const counted = await c.query<{ channel_id: string; n: string }>(
            `SELECT d.channel_id, count(*) AS n FROM notification_deliveries d JOIN notification_outbox e ON e.id = d.event_id
             WHERE d.channel_id = ANY($1::text[]) AND d.created_at > $2 AND e.type = 'activity.alert' GROUP BY d.channel_id`,
            [limited, since],
          );
          for (const r of counted.rows) sent.set(r.channel_id, Number(r.n));
        }
        const plan = planFanOut(events, channels, wants, sent, now);
        let created = 0;
        for (const { event: e, channel: ch } of plan.deliveries) {
          const r = await c.query(
            `INSERT INTO notification_deliveries (id, event_id, channel_id, status, attempts, next_attempt_at, created_at)
             VALUES ($1, $2, $3, 'pending', 0, $4, $4) ON CONFLICT (event_id, channel_id) DO NOTHING`,
            [`${e.id}:${ch.id}`, e.id, ch.id, now],
          );
          created += r.rowCount ?? 0;
        }
        for (const [id, n] of plan.heldBack) {
          await c.query("UPDATE notification_channels SET alerts_held_back = alerts_held_back + $1, last_held_back_at = $2 WHERE id = $3", [n, now, id]);
        }
        // Queued unfanned: the next round sends them, after the deliveries made here; a summary of the
        // hour before ahead of a new notice.
        await pgQueueEvents(c, [
          ...plan.summaries.map((s) => alertLimitSummaryEvent(s.channel, s, new Date(now))),
          ...plan.notify.map((ch) => alertLimitReachedEvent(ch, new Date(now))),
        ]);
        for (const s of plan.summaries) await c.query("UPDATE notification_channels SET held_back_at_notice = NULL WHERE id = $1", [s.channel.id]);
        for (const ch of plan.notify) {
          await c.query("UPDATE notification_channels SET last_limit_notice_at = $1, held_back_at_notice = $2 WHERE id = $3", [now, ch.alertsHeldBack, ch.id]);
        }
        await c.query("UPDATE notification_outbox SET fanned_out = TRUE WHERE id = ANY($1::text[])", [events.map((e) => e.id)]);
        return created;
      });
    },
    async claimDueDeliveries(owner, limit, ttlMs, now) {
      const ids = (await pool.query<{ id: string }>(CLAIM, [owner, leaseExpiry(now, ttlMs), now.toISOString(), limit])).rows.map((r) => r.id);
      if (ids.length === 0) return [];
      const rows = (await pool.query<Row>(`${JOB_SELECT} WHERE d.id = ANY($1::text[])`, [ids])).rows.map(jobFromRow);
      return ids.map((id) => rows.find((j) => j.id === id)).filter((j) => j !== undefined);
    },
    async recordAttempt(job, a) {
      await inTransaction(pool, async (c) => {
        const exists = await c.query("SELECT 1 FROM notification_channels WHERE id = $1 FOR SHARE", [job.channel.id]);
        // Deleted while sending: its deliveries and log went with it.
        if (exists.rowCount === 0) return;
        await c.query(
          `INSERT INTO notification_attempts (channel_id, event_id, event_type, connector_id, attempt, at, outcome, answer, next_attempt_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [job.channel.id, job.event.id, job.event.type, job.event.connectorId, a.attempt, a.at, a.outcome, a.answer, a.nextAttemptAt],
        );
        const status = a.outcome === "retrying" ? "pending" : a.outcome;
        await c.query("UPDATE notification_deliveries SET status = $1, attempts = $2, next_attempt_at = $3 WHERE id = $4", [
          status,
          a.attempt,
          a.nextAttemptAt,
          job.id,
        ]);
      });
    },
    async pruneNotificationLog(before) {
      // A chunk a transaction, as on SQLite: none holds a million rows' locks at once. One replica
      // prunes at a time (an advisory lock scoped to the schema): two deleting the same rows in
      // different orders could deadlock. A replica that finds it taken leaves the work to the other.
      const chunked = async (sql: string) => {
        let removed = 0;
        for (;;) {
          const n = await inTransaction(pool, async (c) => {
            const lock = await c.query<{ got: boolean }>(PRUNE_LOCK);
            if (!lock.rows[0]?.got) return 0;
            return (await c.query(numbered(sql), [before, PRUNE_CHUNK])).rowCount ?? 0;
          });
          removed += n;
          if (n < PRUNE_CHUNK) return removed;
        }
      };
      const [attempts, events, leases] = PRUNE_LOG;
      const out = { attempts: await chunked(attempts), events: await chunked(events) };
      await chunked(leases);
      return out;
    },
    async listAttempts(channelId, limit) {
      return (await pool.query<Row>(numbered(ATTEMPTS_SQL), [channelId, limit])).rows.map(attemptFromRow);
    },
  };
}

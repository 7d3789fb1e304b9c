import { writeTx } from "../platform/store/sqlite-tx";
import { deleteInChunks, type SqliteWriter } from "../platform/store/sqlite-writer";
import type { SqliteDb } from "../platform/store/sqlite-driver";
import { leaseExpiry } from "../platform/store/leases";
import {
  ATTEMPTS_SQL,
  attemptFromRow,
  channelFromRow,
  channelToRow,
  JOB_SELECT,
  jobFromRow,
  OUTBOX_COLUMNS,
  PRUNE_LOG,
  outboxFromRow,
  outboxValues,
} from "./notification-columns";
import type { NotificationStore, OutboxEvent } from "./notification-store";
import { HOUR_MS, limitedChannels, planFanOut } from "./fan-out-plan";
import { alertLimitReachedEvent, alertLimitSummaryEvent } from "./outbox-events";

type Row = Record<string, unknown>;

const INSERT_EVENT = `INSERT INTO notification_outbox (${OUTBOX_COLUMNS.join(", ")}) VALUES (${OUTBOX_COLUMNS.map(() => "?").join(", ")})
  ON CONFLICT (once_key) DO NOTHING`;

/** Events to queue inside a transaction the SQLite writer thread runs (an activity page's alerts). */
export const sqliteOutboxBatch = (events: readonly OutboxEvent[]) => ({ sql: INSERT_EVENT, rows: events.map(outboxValues) });

/** Queues events inside the caller's transaction (a connector update). */
export function sqliteOutboxWriter(db: SqliteDb) {
  const insert = db.prepare(INSERT_EVENT);
  return (e: OutboxEvent) => insert.run(...outboxValues(e)).changes > 0;
}

/** The notifications half of the SQLite store. */
export function sqliteNotificationStore(db: SqliteDb, writer: SqliteWriter): NotificationStore {
  const enqueue = sqliteOutboxWriter(db);
  const getChannel = (id: string) => {
    const row = db.prepare("SELECT * FROM notification_channels WHERE id = ?").get(id) as Row | undefined;
    return row ? channelFromRow(row) : null;
  };

  const insertDelivery = db.prepare(
    `INSERT INTO notification_deliveries (id, event_id, channel_id, status, attempts, next_attempt_at, created_at)
     VALUES (?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (event_id, channel_id) DO NOTHING`,
  );
  const fannedOut = db.prepare("UPDATE notification_outbox SET fanned_out = 1 WHERE id = ?");
  const recentAlertDeliveries = db.prepare(
    `SELECT d.channel_id, count(*) AS n FROM notification_deliveries d JOIN notification_outbox e ON e.id = d.event_id
     WHERE d.channel_id IN (SELECT value FROM json_each(?)) AND d.created_at > ? AND e.type = 'activity.alert' GROUP BY d.channel_id`,
  );
  const heldBack = db.prepare("UPDATE notification_channels SET alerts_held_back = alerts_held_back + ?, last_held_back_at = ? WHERE id = ?");
  const noticed = db.prepare("UPDATE notification_channels SET last_limit_notice_at = ?, held_back_at_notice = ? WHERE id = ?");
  const summed = db.prepare("UPDATE notification_channels SET held_back_at_notice = NULL WHERE id = ?");
  const fanOut = writeTx(db, (limit: number, now: string, wants: Parameters<NotificationStore["fanOutEvents"]>[2]) => {
    const events = (db.prepare("SELECT * FROM notification_outbox WHERE fanned_out = 0 ORDER BY rowid LIMIT ?").all(limit) as Row[]).map((r) =>
      outboxFromRow(r),
    );
    const channels = (db.prepare("SELECT * FROM notification_channels").all() as Row[]).map(channelFromRow);
    const limited = events.length > 0 ? limitedChannels(channels) : [];
    const sent = new Map<string, number>();
    if (limited.length > 0) {
      const since = new Date(Date.parse(now) - HOUR_MS).toISOString();
      for (const r of recentAlertDeliveries.all(JSON.stringify(limited), since) as { channel_id: string; n: number }[]) sent.set(r.channel_id, r.n);
    }
    const plan = planFanOut(events, channels, wants, sent, now);
    // A summary is due an hour after a notice, whether alerts still come or not.
    if (events.length === 0 && plan.summaries.length === 0) return 0;
    let created = 0;
    for (const { event: e, channel: c } of plan.deliveries) created += insertDelivery.run(`${e.id}:${c.id}`, e.id, c.id, now, now).changes;
    for (const [id, n] of plan.heldBack) heldBack.run(n, now, id);
    // Queued unfanned: the next round sends them, after the deliveries made here; a summary of the
    // hour before ahead of a new notice.
    for (const s of plan.summaries) {
      enqueue(alertLimitSummaryEvent(s.channel, s, new Date(now)));
      summed.run(s.channel.id);
    }
    for (const c of plan.notify) {
      enqueue(alertLimitReachedEvent(c, new Date(now)));
      noticed.run(now, c.alertsHeldBack, c.id);
    }
    for (const e of events) fannedOut.run(e.id);
    return created;
  });

  const due = db.prepare(
    // Queue order within a due time, so a channel hears of things in the order they happened.
    `SELECT d.id FROM notification_deliveries d JOIN notification_outbox e ON e.id = d.event_id LEFT JOIN leases l ON l.key = 'notify:' || d.id
     WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (l.key IS NULL OR l.expires_at <= @now)
     ORDER BY d.next_attempt_at, e.rowid, d.id LIMIT @limit`,
  );
  const acquire = db.prepare(
    `INSERT INTO leases (key, owner, expires_at) VALUES (@key, @owner, @expiresAt)
     ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at WHERE leases.expires_at <= @now`,
  );
  const claim = writeTx(db, (owner: string, limit: number, expiresAt: string, now: string) => {
    const ids = (due.all({ now, limit }) as { id: string }[])
      .map((r) => r.id)
      .filter((id) => acquire.run({ key: `notify:${id}`, owner, expiresAt, now }).changes > 0);
    const job = db.prepare(`${JOB_SELECT} WHERE d.id = ?`);
    return ids.map((id) => jobFromRow(job.get(id) as Row));
  });

  const record = writeTx(db, (deliveryId: string, channelId: string, e: OutboxEvent, a: Parameters<NotificationStore["recordAttempt"]>[1]) => {
    // Deleted while sending: its deliveries and log went with it.
    if (!db.prepare("SELECT 1 FROM notification_channels WHERE id = ?").get(channelId)) return;
    db.prepare(
      `INSERT INTO notification_attempts (channel_id, event_id, event_type, connector_id, attempt, at, outcome, answer, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(channelId, e.id, e.type, e.connectorId, a.attempt, a.at, a.outcome, a.answer, a.nextAttemptAt);
    const status = a.outcome === "retrying" ? "pending" : a.outcome;
    db.prepare("UPDATE notification_deliveries SET status = ?, attempts = ?, next_attempt_at = ? WHERE id = ?").run(
      status,
      a.attempt,
      a.nextAttemptAt,
      deliveryId,
    );
  });

  return {
    async insertChannel(c) {
      const row = channelToRow(c);
      const cols = Object.keys(row);
      db.prepare(`INSERT INTO notification_channels (${cols.join(", ")}) VALUES (${cols.map((k) => `@${k}`).join(", ")})`).run(row);
    },
    async getChannel(id) {
      return getChannel(id);
    },
    async listChannels() {
      return (db.prepare("SELECT * FROM notification_channels ORDER BY created_at, id").all() as Row[]).map(channelFromRow);
    },
    async updateChannel(id, patch) {
      const row = channelToRow(patch);
      const cols = Object.keys(row);
      if (cols.length > 0) {
        const r = db.prepare(`UPDATE notification_channels SET ${cols.map((c) => `${c} = @${c}`).join(", ")} WHERE id = @__id`).run({ ...row, __id: id });
        if (r.changes === 0) return null;
      }
      return getChannel(id);
    },
    async deleteChannel(id) {
      return db.prepare("DELETE FROM notification_channels WHERE id = ?").run(id).changes > 0;
    },
    async enqueueEvent(e) {
      return enqueue(e);
    },
    async fanOutEvents(limit, now, wants) {
      return fanOut(limit, now, wants);
    },
    async claimDueDeliveries(owner, limit, ttlMs, now) {
      return claim(owner, limit, leaseExpiry(now, ttlMs), now.toISOString());
    },
    async recordAttempt(job, a) {
      record(job.id, job.channel.id, job.event, a);
    },
    async listAttempts(channelId, limit) {
      return (db.prepare(ATTEMPTS_SQL).all(channelId, limit) as Row[]).map(attemptFromRow);
    },
    async pruneNotificationLog(before) {
      const [attempts, events, leases] = PRUNE_LOG;
      const out = { attempts: await deleteInChunks(writer, attempts, [before]), events: await deleteInChunks(writer, events, [before]) };
      await deleteInChunks(writer, leases, [before]);
      return out;
    },
  };
}

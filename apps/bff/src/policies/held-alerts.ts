import { groupKey, type TimedEpisode } from "./alert-plan";
import type { AlertEpisode, PolicyStore } from "./policy-store";

/** Alerts whose last row fell behind are dropped every this many pages. */
const PRUNE_EVERY = 8;
const iso = (ms: number) => new Date(ms).toISOString();

/** An open alert's span once these rows are in it (only the fields deciding reads). */
export function spanAfter(a: AlertEpisode, rows: readonly { requestTime: string }[]): AlertEpisode {
  let { firstRowAt, lastRowAt } = a;
  for (const r of rows) {
    if (r.requestTime < firstRowAt) firstRowAt = r.requestTime;
    if (r.requestTime > lastRowAt) lastRowAt = r.requestTime;
  }
  return { id: a.id, policyId: a.policyId, account: a.account, status: a.status, firstRowAt, lastRowAt };
}
/** An alert's span widened to cover another's (the same alert as this window will have applied it). */
export const spanWith = (a: AlertEpisode, b: AlertEpisode) => spanAfter(a, [{ requestTime: b.firstRowAt }, { requestTime: b.lastRowAt }]);
/** Held with its times parsed, so pages do not parse them again. */
const timed = (a: AlertEpisode): TimedEpisode => ({ ...a, first: Date.parse(a.firstRowAt), last: Date.parse(a.lastRowAt) });

/**
 * The connector's recent alerts as a sync window sees them (alert-session.ts), per (policy,
 * account) group: read once, then kept with what the window raises and extends, so a dense log's
 * hundreds of alerts are not read again on every page. Only this window writes the connector's
 * alerts (the sync's lease); a user's resolve, dismiss or reopen moves the connector's
 * status-change count, and then they are read again, as they are when a page reaches back before
 * the ones held.
 */
export function heldAlerts(store: Pick<PolicyStore, "recentAlerts" | "alertStatusChanges">, connectorId: string) {
  let held: { from: number; changes: number; groups: Map<string, TimedEpisode[]>; pages: number } | null = null;

  const put = (groups: Map<string, TimedEpisode[]>, a: AlertEpisode) => {
    const g = groupKey(a.policyId, a.account);
    const list = groups.get(g);
    if (list) list.push(timed(a));
    else groups.set(g, [timed(a)]);
  };

  return {
    /**
     * At least the alerts whose last row is at or after `from`, per group; `extended` holds the
     * spans of alerts the window extended since its last apply (the store does not show them yet).
     */
    async from(from: number, extended: ReadonlyMap<string, AlertEpisode>): Promise<ReadonlyMap<string, readonly TimedEpisode[]>> {
      const fromIso = iso(from);
      // Counted before the read: a change between the two is seen by the next page.
      const changes = await store.alertStatusChanges(connectorId);
      if (!held || from < held.from || changes !== held.changes) {
        const groups = new Map<string, TimedEpisode[]>();
        const seen = new Set<string>();
        for (const a of await store.recentAlerts(connectorId, fromIso)) {
          const e = extended.get(a.id);
          seen.add(a.id);
          put(groups, e ? spanWith(a, e) : a);
        }
        for (const e of extended.values()) if (!seen.has(e.id) && e.lastRowAt >= fromIso) put(groups, e);
        held = { from, changes, groups, pages: 0 };
      } else if (++held.pages >= PRUNE_EVERY) {
        for (const [g, list] of held.groups) {
          const kept = list.filter((a) => (a.last ?? Date.parse(a.lastRowAt)) >= from);
          if (kept.length === 0) held.groups.delete(g);
          else held.groups.set(g, kept);
        }
        held.from = from;
        held.pages = 0;
      }
      return held.groups;
    },

    /** After a commit: an alert the window extended, with its span as it will be once applied. */
    extended(span: AlertEpisode) {
      if (!held) return;
      const list = held.groups.get(groupKey(span.policyId, span.account));
      const i = list?.findIndex((a) => a.id === span.id) ?? -1;
      const before = list?.[i];
      if (list && before) list[i] = timed(spanWith(before, span));
      else put(held.groups, span);
    },

    /** After a commit: an alert the window raised. */
    raised(a: AlertEpisode) {
      if (held) put(held.groups, spanAfter(a, []));
    },
  };
}

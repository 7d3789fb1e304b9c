import { expect } from "vitest";
import { bursts, byTimeThenKey, compilePolicy, GROUP_MINUTES, parseActivityPage, type PolicyDefinition } from "@wc/workday";
import { syncStatusResponseSchema, routes } from "@wc/contracts";
import { withKeys } from "../src/activity/activity-rows";
import type { Store, StoredActivityRow } from "../src/store/types";
import type { Harness } from "./harness";
import type { Sim } from "./sim-fixture";

/**
 * The simulator's own rows with requestTime in [from, to), keyed exactly as the BFF keys them:
 * "the simulator's set" that every sync test compares the store with.
 */
export function simKeys(sim: Sim, tenant: string, from: string, to: string): Set<string> {
  return new Set(simRows(sim, tenant, from, to).map((r) => r.key));
}

/** The simulator's own rows with requestTime in [from, to), parsed and keyed as the BFF does. */
export function simRows(sim: Sim, tenant: string, from: string, to: string): StoredActivityRow[] {
  const log = sim.sim.state.tenant(tenant).activity;
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  const total = log.count(fromMs, toMs);
  const out: StoredActivityRow[] = [];
  for (let offset = 0; offset < total; offset += 5000) {
    const rows = log.page(fromMs, toMs, offset, 5000, { isuAccount: "isu_wdconnect", workerHref: (id) => `https://sim/workers/${id}` });
    const page = parseActivityPage({ data: rows, total });
    if (!page.ok) throw new Error(page.problem);
    out.push(...withKeys(page.rows));
  }
  return out;
}

/**
 * The alerts policies should raise over `rows`, worked out from scratch (every row at once, no
 * pages, no store): "policy|account|row keys" per alert, sorted. What the sync raised page by page,
 * across kills and replicas, must be exactly this.
 */
export function expectedAlerts(policies: (PolicyDefinition & { id: string })[], rows: StoredActivityRow[]): string[] {
  const out: string[] = [];
  for (const p of policies) {
    const test = compilePolicy(p);
    const byAccount = new Map<string, { t: number; key: string }[]>();
    for (const r of rows) {
      if (!test(r)) continue;
      const list = byAccount.get(r.systemAccount) ?? [];
      list.push({ t: Date.parse(r.requestTime), key: r.key });
      byAccount.set(r.systemAccount, list);
    }
    for (const [account, list] of byAccount) {
      for (const b of bursts(list.sort(byTimeThenKey), p.threshold?.count ?? 1, p.threshold?.withinMinutes ?? GROUP_MINUTES)) {
        out.push(
          `${p.id}|${account}|${b.rows
            .map((m) => m.key)
            .sort()
            .join(",")}`,
        );
      }
    }
  }
  return out.sort();
}

/** The connector's stored alerts in expectedAlerts' form. */
export async function storedAlerts(store: Store, connectorId: string): Promise<string[]> {
  const out: string[] = [];
  for (const a of await store.listAlerts({ connectorId, limit: 10_000 })) {
    const rows = await store.listAlertRows(a.id, 1_000_000);
    out.push(
      `${a.policyId}|${a.account}|${rows
        .map((r) => r.id)
        .sort()
        .join(",")}`,
    );
  }
  return out.sort();
}

/** Every stored row key of the connector, oldest first (duplicates would show up as repeats). */
export async function storedKeys(store: Store, connectorId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const r of store.streamActivity({ connectorId }, "asc", 2000)) keys.push(r.id);
  return keys;
}

/** Asserts the store holds exactly `expected`: nothing missing, nothing extra, nothing twice. */
export async function expectStoredExactly(store: Store, connectorId: string, expected: Set<string>) {
  const stored = await storedKeys(store, connectorId);
  expect(new Set(stored).size, "no row stored twice").toBe(stored.length);
  const storedSet = new Set(stored);
  const missing = [...expected].filter((k) => !storedSet.has(k));
  const extra = stored.filter((k) => !expected.has(k));
  expect({ missing: missing.length, extra: extra.length, count: stored.length }).toEqual({ missing: 0, extra: 0, count: expected.size });
}

export async function syncStatusOf(h: Harness, connectorId: string) {
  const res = await h.client.get(routes.connectorSync(connectorId));
  if (res.status !== 200) throw new Error(`sync status: ${res.status} ${res.text}`);
  return syncStatusResponseSchema.parse(res.json()).sync;
}

/** The window the first backfill covered, from the durable state. */
export async function backfillWindow(store: Store, connectorId: string) {
  const s = await store.getSyncState(connectorId);
  if (!s?.lastWindow || !s.coveredUntil) throw new Error("no finished backfill");
  return { from: s.lastWindow.from, coveredUntil: s.coveredUntil };
}

import type { BacktestResponse, PolicyInput } from "@wc/contracts";
import { bursts, byTimeThenKey, compilePolicy, GROUP_MINUTES, type PolicyRow } from "@wc/workday";
import type { Store } from "../store/types";

const DAY = 24 * 3_600_000;
/** Rows a backtest reads at most: about a second of work on this machine kind. */
export const BACKTEST_MAX_ROWS = 300_000;

/**
 * What a policy (as on the form, unsaved) would have raised over the last 7 days of stored
 * activity: the same matching and bursts as the sync, over rows newest-first up to a cap.
 */
export async function backtest(d: { store: Store; now: () => Date }, p: PolicyInput, maxRows = BACKTEST_MAX_ROWS): Promise<BacktestResponse> {
  const test = compilePolicy(p);
  const to = d.now();
  const from = new Date(to.getTime() - 7 * DAY);
  const window = { from: from.toISOString(), to: to.toISOString() };
  const filters = p.connectorIds === null ? [window] : p.connectorIds.map((connectorId) => ({ ...window, connectorId }));
  const byGroup = new Map<string, { t: number; key: string; connectorId: string; account: string; requestTime: string }[]>();
  let scanned = 0;
  let rows = 0;
  let truncated = false;
  outer: for (const filter of filters) {
    for await (const r of d.store.streamActivity(filter, "desc", 2000)) {
      if (scanned >= maxRows) {
        truncated = true;
        break outer;
      }
      scanned++;
      const row: PolicyRow = { ...r, targetId: r.target?.id ?? null, targetDescriptor: r.target?.descriptor ?? null };
      if (!test(row)) continue;
      rows++;
      const g = `${r.connectorId}\u0000${r.systemAccount}`;
      let list = byGroup.get(g);
      if (!list) byGroup.set(g, (list = []));
      list.push({ t: Date.parse(r.requestTime), key: r.id, connectorId: r.connectorId, account: r.systemAccount, requestTime: r.requestTime });
    }
  }
  const found: BacktestResponse["examples"] = [];
  for (const list of byGroup.values()) {
    for (const b of bursts(list.sort(byTimeThenKey), p.threshold?.count ?? 1, p.threshold?.withinMinutes ?? GROUP_MINUTES)) {
      const head = b.rows[0];
      const tail = b.rows.at(-1);
      if (head && tail)
        found.push({ connectorId: head.connectorId, account: head.account, rows: b.rows.length, firstRowAt: head.requestTime, lastRowAt: tail.requestTime });
    }
  }
  found.sort((a, b) => (a.lastRowAt < b.lastRowAt ? 1 : -1));
  return { alerts: found.length, rows, scanned, from: from.toISOString(), to: to.toISOString(), truncated, examples: found.slice(0, 5) };
}

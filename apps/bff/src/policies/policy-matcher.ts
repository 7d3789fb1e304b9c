import { compilePolicy, compilePolicySet, type PolicyRow, type PolicySetTest } from "@wc/workday";
import type { Logger } from "pino";
import type { PolicyMatch, PolicyRecord, PolicyStore } from "./policy-store";
import { policyVersion } from "./policies";

export interface LivePolicy {
  record: PolicyRecord;
  test: (row: PolicyRow) => boolean;
}

type MatchedRow = PolicyRow & { key: string };

/**
 * The enabled policies that apply to a connector, compiled once per saved version. Read from the
 * store for every page, so a change applies to the rows stored after it, on every replica.
 */
export function createPolicyMatcher(d: { store: Pick<PolicyStore, "listPolicies">; log: Logger }) {
  const compiled = new Map<string, { version: string; test: LivePolicy["test"] | null }>();
  const testOf = (p: PolicyRecord) => {
    const version = policyVersion(p);
    let hit = compiled.get(p.id);
    if (!hit || hit.version !== version) {
      let test: LivePolicy["test"] | null = null;
      try {
        test = compilePolicy(p);
      } catch (err) {
        // Saved policies were validated; one that no longer compiles is skipped, not fatal to the sync.
        d.log.error({ policyId: p.id, err }, "policy could not be compiled; it is skipped");
      }
      hit = { version, test };
      compiled.set(p.id, hit);
    }
    return hit.test;
  };

  // The policies a connector runs, tested together (compilePolicySet), per list of versions: one
  // list for every connector that runs the same ones, built again only when one of them changes.
  const sets = new Map<string, PolicySetTest>();
  const setOf = (policies: LivePolicy[]) => {
    const key = policies.map((p) => `${p.record.id}|${policyVersion(p.record)}`).join("\n");
    let set = sets.get(key);
    if (!set) {
      if (sets.size >= 64) sets.clear();
      set = compilePolicySet(policies.map((p) => p.record));
      sets.set(key, set);
    }
    return set;
  };

  return {
    async forConnector(connectorId: string): Promise<LivePolicy[]> {
      const out: LivePolicy[] = [];
      for (const p of await d.store.listPolicies()) {
        if (!p.enabled || (p.connectorIds !== null && !p.connectorIds.includes(connectorId))) continue;
        const test = testOf(p);
        if (test) out.push({ record: p, test });
      }
      return out;
    },
    /** Every (policy, row) that matches; runs on the page while the next one is fetched. */
    match(policies: LivePolicy[], rows: readonly MatchedRow[]): PolicyMatch[] {
      const out: PolicyMatch[] = [];
      if (policies.length === 0) return out;
      const set = setOf(policies);
      for (const row of rows) {
        for (const i of set(row)) {
          const p = policies[i];
          if (p) out.push({ policyId: p.record.id, rowKey: row.key, requestTime: row.requestTime, account: row.systemAccount });
        }
      }
      return out;
    },
  };
}

export type PolicyMatcher = ReturnType<typeof createPolicyMatcher>;

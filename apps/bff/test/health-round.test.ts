import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, preparedConnector, simApi, startStack } from "./sim-fixture";

/** A round against the real simulator, with HEALTH_CHECK_CONCURRENCY = 3. */
const CONCURRENCY = 3;
let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  stack = await startStack({ healthConcurrency: CONCURRENCY });
});
afterAll(async () => {
  await stack.close();
});

async function dueConnectors(n: number): Promise<string[]> {
  const { bff, sim } = stack;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = await preparedConnector(bff, sim);
    await connect(bff.client, p.connector.id);
    ids.push(p.connector.id);
  }
  const past = new Date(Date.now() - 1000).toISOString();
  for (const id of ids) await bff.store.updateConnector(id, { nextCheckAt: past, lastCheckAt: null });
  return ids;
}

interface TokenLog {
  maxConcurrentRefreshesAllClients: number;
}

describe("a health round", () => {
  it("when more connectors are due than the concurrency, then every one is checked and at most that many checks run at once", async () => {
    const { bff, sim } = stack;
    const ids = await dueConnectors(8);
    await simApi(sim, "DELETE", "/token-log");
    // Every check starts with a refresh (the access tokens look expired to the console) held open
    // for a while, so the simulator sees exactly how many checks overlap.
    await simApi(sim, "POST", "/faults", { route: "token", kind: "latency", latencyMs: 300, count: ids.length });
    bff.clock.now = new Date(Date.now() + 2 * 3600_000);
    try {
      expect(await bff.runDueChecks()).toBe(ids.length);
    } finally {
      bff.clock.now = null;
    }
    for (const id of ids) expect((await bff.store.getConnector(id))?.lastCheckAt).not.toBeNull();
    const log = await simApi<TokenLog>(sim, "GET", "/token-log");
    expect(log.maxConcurrentRefreshesAllClients).toBe(CONCURRENCY);
  });

  it("when a round has run, then the next round finds nothing due", async () => {
    const { bff } = stack;
    await dueConnectors(4);
    expect(await bff.runDueChecks()).toBe(4);
    expect(await bff.runDueChecks()).toBe(0);
  });
});

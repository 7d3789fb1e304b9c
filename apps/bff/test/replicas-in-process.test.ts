import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes } from "@wc/contracts";
import { startBff, type Harness } from "./harness";
import { connect, preparedConnector, simApi, startStack } from "./sim-fixture";

/**
 * Two app instances on one store stand for two replicas on one database (the leases are the
 * same code on both engines; the PostgreSQL contract suite covers the SQL under concurrency).
 */
let stack: Awaited<ReturnType<typeof startStack>>;
let second: Harness;
beforeAll(async () => {
  stack = await startStack();
  second = await startBff({
    allowedWorkdayHosts: `http://localhost:${stack.sim.port},http://127.0.0.1:${stack.sim.port}`,
    store: stack.bff.store,
    encryptionKey: stack.bff.encryptionKey,
    owner: "replica-b",
  });
});
afterAll(async () => {
  await second.close();
  await stack.close();
});

interface TokenLog {
  requests: { clientId: string; grantType: string; count: number }[];
  maxConcurrentRefreshesByClient: Record<string, number>;
}
const refreshesOf = async (clientId: string) => {
  const log = await simApi<TokenLog>(stack.sim, "GET", "/token-log");
  const count = log.requests.filter((e) => e.clientId === clientId && e.grantType === "refresh_token").reduce((n, e) => n + e.count, 0);
  return { count, maxInFlight: log.maxConcurrentRefreshesByClient[clientId] ?? 0 };
};

describe("two replicas on one store", () => {
  it("when both run the due checks at the same moment, then every due connector is checked exactly once", async () => {
    const { bff, sim } = stack;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const p = await preparedConnector(bff, sim);
      await connect(bff.client, p.connector.id);
      ids.push(p.connector.id);
    }
    const past = new Date(Date.now() - 1000).toISOString();
    for (const id of ids) await bff.store.updateConnector(id, { nextCheckAt: past, lastCheckAt: null });
    const [a, b] = await Promise.all([bff.runDueChecks(), second.runDueChecks()]);
    expect(a + b).toBe(ids.length);
    for (const id of ids) expect((await bff.store.getConnector(id))?.lastCheckAt).not.toBeNull();
    expect(await bff.runDueChecks()).toBe(0);
  });

  it("when both need a new access token at once, many times over, then Workday sees a single refresh", async () => {
    const { bff, sim } = stack;
    const { connector, reg } = await preparedConnector(bff, sim);
    await connect(bff.client, connector.id);
    await simApi(sim, "DELETE", "/token-log");
    // A slow token endpoint widens the window in which a second replica could start its own refresh.
    await simApi(sim, "POST", "/faults", { route: "token", kind: "latency", latencyMs: 400, count: 50 });
    bff.clock.now = new Date(Date.now() + 2 * 3600_000);
    second.clock.now = bff.clock.now;
    try {
      const viaB = await second.signedIn("admin");
      const runs = Array.from({ length: 25 }, (_, i) => (i % 2 ? viaB : bff.client).post(routes.connectorChecks(connector.id)));
      const answers = await Promise.all(runs);
      expect(answers.every((r) => r.status === 200)).toBe(true);
      expect(await refreshesOf(reg.clientId)).toEqual({ count: 1, maxInFlight: 1 });
    } finally {
      await simApi(sim, "DELETE", "/faults");
      bff.clock.now = null;
      second.clock.now = null;
    }
  });
});

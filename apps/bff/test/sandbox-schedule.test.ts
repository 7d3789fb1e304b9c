import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runChecksResponseSchema, routes } from "@wc/contracts";
import { nextSandboxRefresh } from "@wc/workday";
import { connect, preparedConnector, startStack } from "./sim-fixture";

const HOUR = 3_600_000;
let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  // Checks once a day: long enough that Workday's weekly sandbox refresh falls between two of them.
  stack = await startStack({ healthIntervalMs: 24 * HOUR });
});
afterAll(async () => {
  await stack.close();
});
afterEach(() => {
  stack.bff.clock.now = null;
});

async function checkedAt(tenant: string, at: Date) {
  const p = await preparedConnector(stack.bff, stack.sim, tenant);
  await connect(stack.bff.client, p.connector.id);
  stack.bff.clock.now = at;
  const out = runChecksResponseSchema.parse((await stack.bff.client.post(routes.connectorChecks(p.connector.id))).json());
  expect(out.connector.status).toBe("connected");
  return out.connector;
}

describe("sandbox connectors and Workday's weekly refresh", () => {
  it("when a sandbox connector is checked a few hours before the weekly refresh, then its next check is 30 minutes after the refresh, not a day later", async () => {
    const refresh = nextSandboxRefresh(new Date());
    const c = await checkedAt("acme_sandbox", new Date(refresh.getTime() - 3 * HOUR));
    expect(c.environment).toBe("sandbox");
    expect(c.nextCheckAt).toBe(new Date(refresh.getTime() + 0.5 * HOUR).toISOString());
  });

  it("when a production connector is checked at the same moment, then it waits the regular interval", async () => {
    const before = new Date(nextSandboxRefresh(new Date()).getTime() - 3 * HOUR);
    const c = await checkedAt("acme", before);
    expect(c.environment).toBe("production");
    expect(c.nextCheckAt).toBe(new Date(before.getTime() + 24 * HOUR).toISOString());
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes } from "@wc/contracts";
import { connect, preparedConnector, simApi, startStack } from "./sim-fixture";

let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

type Line = { time?: string; msg?: string; level?: number; requestId?: string; connectorId?: string } & Record<string, unknown>;
const lines = (): Line[] =>
  stack.bff.logs.flatMap((l) =>
    l
      .split("\n")
      .filter(Boolean)
      .map((x) => JSON.parse(x) as Line),
  );
const find = (msg: string | RegExp) => lines().filter((l) => (typeof msg === "string" ? l.msg === msg : msg.test(l.msg ?? "")));

describe("security events are logged, in UTC, without secrets", () => {
  it("when consent starts, succeeds and fails, a refresh fails and an admin changes something, then each has a structured UTC log line", async () => {
    const { bff, sim } = stack;
    const ok = await preparedConnector(bff, sim);
    await connect(bff.client, ok.connector.id);
    const denied = await preparedConnector(bff, sim);
    await connect(bff.client, denied.connector.id, { decision: "Deny" });
    bff.clock.now = new Date(Date.now() + 2 * 3600_000); // the cached access token has expired
    await simApi(sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: true });
    try {
      await bff.client.post(routes.connectorChecks(ok.connector.id));
    } finally {
      await simApi(sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: false });
      bff.clock.now = null;
    }
    await bff.client.post(routes.users, { name: "Log", email: "log@example.com", role: "support", password: "long-enough-pw" });

    for (const msg of ["consent started", "consent succeeded", "consent failed", "audit user.created", "audit connector.consent_started"]) {
      const found = find(msg);
      expect(found.length, msg).toBeGreaterThan(0);
      for (const l of found) expect(l.time, msg).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(find("token refresh failed").length).toBeGreaterThan(0);
    expect(JSON.stringify(find("token refresh failed"))).toContain("invalid_grant");
    expect(find("request").every((l) => typeof l.requestId === "string")).toBe(true);
  });

  it("when an unexpected error happens, then the client gets a generic message with a request id, and the log has the details", async () => {
    const { bff } = stack;
    const res = await bff.client.get(`${routes.audit}?limit=1`);
    expect(res.status).toBe(200);
    const bad = await bff.client.get(`${routes.audit}?limit=abc`);
    expect(bad.json()).toMatchObject({ error: { code: "validation_failed", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    expect(bad.text).not.toMatch(/at .*\.ts:\d+/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema, routes } from "@wc/contracts";
import { generateKey } from "../src/platform/crypto/crypto";
import { startBff, type Harness } from "./harness";
import { connect, preparedConnector, startStack, type RegisteredClient } from "./sim-fixture";

/**
 * A console whose key does not open what is stored (the start-up check was told the key is lost,
 * or a value was altered): every route that needs a secret answers a 409 naming the fix, never 500.
 */
let stack: Awaited<ReturnType<typeof startStack>>;
let wrongKey: Harness;
let connectorId: string;
let reg: RegisteredClient;
beforeAll(async () => {
  stack = await startStack();
  const p = await preparedConnector(stack.bff, stack.sim);
  await connect(stack.bff.client, p.connector.id);
  connectorId = p.connector.id;
  reg = p.reg;
  wrongKey = await startBff({
    allowedWorkdayHosts: `http://localhost:${stack.sim.port},http://127.0.0.1:${stack.sim.port}`,
    store: stack.bff.store,
    encryptionKey: generateKey(),
    // Both consoles behind one public address, so the registered redirect URI fits either.
    publicUrl: stack.bff.url,
  });
});
afterAll(async () => {
  await wrongKey.close();
  await stack.close();
});

function expectKeyConflict(res: { status: number; json: () => unknown }) {
  expect(res.status).toBe(409);
  const body = apiErrorSchema.parse(res.json());
  expect(body.error.code).toBe("conflict");
  expect(body.error.message).toMatch(/cannot be opened: no configured encryption key has its key id [0-9a-f]{12}/);
  expect(body.error.message).toMatch(/ENCRYPTION_KEY.*ENCRYPTION_KEYS_PREVIOUS.*re-enter the Client Secret/);
}

describe("stored secrets the configured keys do not open", () => {
  it("when Run checks meets them, then it answers 409 saying which setting to fix, not 500", async () => {
    const c = await wrongKey.signedIn("admin");
    expectKeyConflict(await c.post(routes.connectorChecks(connectorId)));
  });

  it("when Run checks is streamed, then the same 409 comes before any line is written", async () => {
    const c = await wrongKey.signedIn("admin");
    const res = await c.post(routes.connectorChecks(connectorId), {}, { accept: "application/x-ndjson" });
    expectKeyConflict(res);
  });

  it("when a new consent is started, then it answers 409 instead of failing inside", async () => {
    const c = await wrongKey.signedIn("admin");
    expectKeyConflict(await c.post(routes.connectorConsent(connectorId), { mode: "popup" }));
  });

  it("when the Client Secret is re-entered and consent granted again, then the connector works under the new key", async () => {
    const c = await wrongKey.signedIn("admin");
    expect((await c.put(routes.connectorDetails(connectorId), { ...reg, samlSso: false })).status).toBe(200);
    expect((await connect(c, connectorId)).res.status).toBe(303);
    const checks = await c.post(routes.connectorChecks(connectorId));
    expect(checks.status).toBe(200);
    expect(checks.json()).toMatchObject({ connector: { status: "connected" } });
  });
});

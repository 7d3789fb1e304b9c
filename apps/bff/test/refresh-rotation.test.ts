import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorResponseSchema, routes, runChecksResponseSchema } from "@wc/contracts";
import { secretAad } from "../src/workday/secrets";
import { connect, registerClient, simApi, startStack } from "./sim-fixture";

let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  stack = await startStack();
  await simApi(stack.sim, "PATCH", "/options", { rotateRefreshTokens: true });
});
afterAll(async () => {
  await simApi(stack.sim, "PATCH", "/options", { rotateRefreshTokens: false });
  await stack.close();
});

describe("refresh-token rotation (Non-Expiring Refresh Tokens = No)", () => {
  it("when Workday rotates the refresh token on every refresh, then each new one is stored at once and the next refresh works", async () => {
    const { bff, sim } = stack;
    const c = connectorResponseSchema.parse((await bff.client.post(routes.connectors, { name: "Rotating" })).json()).connector;
    const reg = await registerClient(sim, "acme", c.redirectUri, { nonExpiringRefreshTokens: false });
    await bff.client.put(routes.connectorDetails(c.id), { ...reg, clientSecret: reg.clientSecret, samlSso: false });
    await connect(bff.client, c.id);
    const stored = async () => {
      const r = await bff.store.getConnector(c.id);
      return r?.refreshTokenEnc ? bff.keyring.decrypt(r.refreshTokenEnc, secretAad(c.id, "refreshToken")) : null;
    };
    const seen = [await stored()];
    try {
      for (let hour = 2; hour <= 6; hour += 2) {
        bff.clock.now = new Date(Date.now() + hour * 3600_000); // the access token has expired each time
        const out = runChecksResponseSchema.parse((await bff.client.post(routes.connectorChecks(c.id))).json());
        expect(out.connector.status).toBe("connected");
        seen.push(await stored());
      }
    } finally {
      bff.clock.now = null;
    }
    // Three refreshes, three new tokens, each stored (an unsaved one would have died with the next refresh).
    expect(new Set(seen).size).toBe(4);
    expect(seen.every((t) => typeof t === "string" && t.length > 10)).toBe(true);
  });
});

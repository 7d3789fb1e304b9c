import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorDetailResponseSchema, connectorResponseSchema, routes, runChecksResponseSchema } from "@wc/contracts";
import { startBff, type Harness } from "./harness";

/**
 * A plain RFC 6749 authorization server that is not Workday: other paths, an `iss` in the
 * authorization response (RFC 9207), no tenant in the URLs. The console must still connect.
 */
let as: Server;
let asUrl = "";
let h: Harness;
const tokenRequests: URLSearchParams[] = [];

beforeAll(async () => {
  as = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/oauth/token") {
        const form = new URLSearchParams(body);
        tokenRequests.push(form);
        const basic = Buffer.from("generic-client:generic-secret").toString("base64");
        if (req.headers.authorization !== `Basic ${basic}`) return send(res, 401, { error: "invalid_client" });
        if (form.get("code") !== "the-code" || !form.get("code_verifier")) return send(res, 400, { error: "invalid_grant" });
        return send(res, 200, { access_token: "generic-access", token_type: "Bearer", expires_in: 600, refresh_token: "generic-refresh" });
      }
      send(res, 404, { error: "Resource not found" });
    });
  });
  await new Promise<void>((r) => as.listen(0, "127.0.0.1", r));
  asUrl = `http://127.0.0.1:${(as.address() as AddressInfo).port}`;
  h = await startBff({ allowedWorkdayHosts: asUrl });
});
afterAll(async () => {
  await h.close();
  await new Promise<void>((r) => as.close(() => r()));
});

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

describe("an authorization server that is not Workday", () => {
  it("when it sends iss and uses other paths, then consent still connects, and checks explain the REST endpoint instead of failing", async () => {
    const c = connectorResponseSchema.parse((await h.client.post(routes.connectors, { name: "Generic AS" })).json()).connector;
    const saved = await h.client.put(routes.connectorDetails(c.id), {
      clientId: "generic-client",
      clientSecret: "generic-secret",
      restApiEndpoint: `${asUrl}/api`,
      tokenEndpoint: `${asUrl}/oauth/token`,
      authorizationEndpoint: `${asUrl}/oauth/authorize`,
    });
    expect(saved.status).toBe(200);
    const start = await h.client.post(routes.connectorConsent(c.id), { mode: "redirect" });
    const state = new URL(start.json<{ authorizationUrl: string }>().authorizationUrl).searchParams.get("state") ?? "";
    const cb = await h.client.get(`${routes.oauthCallback(c.id)}?code=the-code&state=${encodeURIComponent(state)}&iss=${encodeURIComponent(asUrl)}`);
    expect(cb.status).toBe(303);
    const after = connectorDetailResponseSchema.parse((await h.client.get(routes.connector(c.id))).json()).connector;
    expect(after.lastConsent, JSON.stringify(after.lastConsent)).toMatchObject({ outcome: "success" });
    expect(after.status).toBe("connected");
    expect(tokenRequests.at(-1)?.get("redirect_uri")).toBe(`${h.url}/api/oauth/connect/${c.id}`);

    const checks = await h.client.post(routes.connectorChecks(c.id));
    expect(checks.status).toBe(200);
    const out = runChecksResponseSchema.parse(checks.json());
    expect(out.connector).toMatchObject({ status: "action_required", reasonCode: "rest_endpoint_not_found" });
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { routes } from "@wc/contracts";
import { ACCOUNTS, startBff, type Harness } from "./harness";

const running: Harness[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.close();
});
async function bff(opts: Parameters<typeof startBff>[0]) {
  const h = await startBff(opts);
  running.push(h);
  return h;
}
const signInFrom = (h: Harness, forwardedFor: string, password: string = ACCOUNTS.admin.password) =>
  h.newClient().post(routes.signIn, { email: ACCOUNTS.admin.email, password }, { "x-forwarded-for": forwardedFor });
const lastSignInAddress = async (h: Harness) => (await h.store.listAudit({ action: "auth.signed_in", limit: 1 }))[0]?.ip;

describe("client addresses behind a load balancer (TRUST_PROXY)", () => {
  it("when the proxy in front is trusted, then the audit log records the client's address from X-Forwarded-For", async () => {
    const h = await bff({ trustProxy: ["loopback"] });
    expect((await signInFrom(h, "203.0.113.7")).status).toBe(200);
    expect(await lastSignInAddress(h)).toBe("203.0.113.7");
  });

  it("when a client forges addresses in front of the real chain, then only the hop the trusted proxy added counts", async () => {
    const h = await bff({ trustProxy: 1 });
    expect((await signInFrom(h, "198.51.100.1, 203.0.113.8")).status).toBe(200);
    expect(await lastSignInAddress(h)).toBe("203.0.113.8");
  });

  it("when no proxy is trusted (the default), then X-Forwarded-For is ignored", async () => {
    const h = await bff({});
    expect((await signInFrom(h, "203.0.113.9")).status).toBe(200);
    expect(await lastSignInAddress(h)).toBe("127.0.0.1");
  });

  it("when one client behind the trusted proxy passes the per-address limit, then another client behind the same proxy can still sign in", async () => {
    const h = await bff({ trustProxy: ["loopback"], auth: { maxPerAddress: 3 } });
    for (let i = 0; i < 3; i++) expect((await signInFrom(h, "203.0.113.10")).status).toBe(200);
    expect((await signInFrom(h, "203.0.113.10")).status).toBe(429);
    expect((await signInFrom(h, "203.0.113.11")).status).toBe(200);
  });
});

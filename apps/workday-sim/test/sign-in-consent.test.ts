import { describe, expect, it } from "vitest";
import { Browser } from "./support/browser";
import { REDIRECT_URI, activityUrl, authorizeUrl, connect, consent, control, register, useSimulator, apiGet } from "./support/sim";
import { matching } from "./support/matchers";

const ctx = useSimulator();

describe("sign-in page", () => {
  it.each([
    ["a wrong password", "isu_wdconnect", "nope"],
    ["an unknown user", "nobody", "Workday-isu-1"],
  ])("when signing in with %s, then 'Invalid user name or password' and no consent page", async (_l, username, password) => {
    const reg = await register(ctx.sim);
    const browser = new Browser();
    const signIn = await browser.get(authorizeUrl(reg));
    const after = await browser.submit(signIn, "Sign In", { username, password });
    expect(after.status).toBe(200);
    expect(after.text).toContain("Invalid user name or password");
    expect(after.location).toBeNull();
  });

  it.each([["disabled"], ["locked"]])("when the account is %s, then the same 'Invalid user name or password'", async (flag) => {
    const reg = await register(ctx.sim);
    await control(ctx.sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { [flag]: true });
    const browser = new Browser();
    const after = await browser.submit(await browser.get(authorizeUrl(reg)), "Sign In", { username: "isu_wdconnect", password: "Workday-isu-1" });
    expect(after.text).toContain("Invalid user name or password");
  });

  it("when the pending id is replayed from another browser (no cookie), then the sign-in is refused", async () => {
    const reg = await register(ctx.sim);
    const signIn = await new Browser().get(authorizeUrl(reg));
    const stranger = new Browser();
    const after = await stranger.submit(signIn, "Sign In", { username: "isu_wdconnect", password: "Workday-isu-1" });
    expect(after.status).toBe(400);
    expect(after.text).toContain("no longer valid");
  });
});

describe("consent page", () => {
  it("when signed in, then '<Client Name> would like to access your Workday account' with the scopes, Allow and Deny", async () => {
    const reg = await register(ctx.sim, "acme", { clientName: "Defender <Test>" });
    const { consentPage } = await consent(authorizeUrl(reg), { decision: "Deny" });
    expect(consentPage.text).toContain("Defender &#60;Test&#62; would like to access your Workday account");
    expect(consentPage.text).toContain("<li>Staffing</li>");
    expect(consentPage.text).toContain("<li>System</li>");
    expect(consentPage.text).toContain(">Allow</button>");
    expect(consentPage.text).toContain(">Deny</button>");
  });

  it("when Allow is pressed, then a 302 to the redirect URI with a code and the state", async () => {
    const reg = await register(ctx.sim);
    const { location } = await consent(authorizeUrl(reg));
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("code")).toMatch(/^[\w-]{40,}$/);
    expect(location.searchParams.get("state")).toBe("st-123");
  });

  it("when Deny is pressed, then a 302 with error=access_denied and the state", async () => {
    const reg = await register(ctx.sim);
    const { location } = await consent(authorizeUrl(reg), { decision: "Deny" });
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("st-123");
    expect(location.searchParams.has("code")).toBe(false);
  });

  it("when no state was sent, then the redirect carries none", async () => {
    const reg = await register(ctx.sim);
    const url = new URL(authorizeUrl(reg));
    url.searchParams.delete("state");
    const { location } = await consent(url.href);
    expect(location.searchParams.has("state")).toBe(false);
  });

  it("when the consent form is posted a second time, then it is refused (the pending authorization is single use)", async () => {
    const reg = await register(ctx.sim);
    const browser = new Browser();
    const { consentPage } = await consent(authorizeUrl(reg), { browser });
    const again = await browser.submit(consentPage, "Allow");
    expect(again.status).toBe(400);
    expect(again.location).toBeNull();
  });

  it("when Allow is pressed, then the tenant's activity log gets a 'Submit OAuth 2.0 Consent (Web Service)' WRITE row for the account", async () => {
    const reg = await register(ctx.sim);
    const tokens = await connect(reg, { username: "admin", password: "Workday-admin-1" });
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
    const res = await apiGet<{ data: Record<string, unknown>[]; total: number }>(
      activityUrl(reg, { from: iso(now - 60_000), to: iso(now + 60_000) }),
      tokens.access_token,
    );
    expect(res.status).toBe(200);
    const rows = res.json.data.filter((r) => r.taskDisplayName === "Submit OAuth 2.0 Consent (Web Service)");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ systemAccount: "admin", activityAction: "WRITE", taskId: matching(/^[0-9a-f]{32}$/), ipAddress: "127.0.0.1" });
  });
});

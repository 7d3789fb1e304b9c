import { describe, expect, it } from "vitest";
import { Browser } from "./support/browser";
import { TASKS, labelledIds, open as openPage, tenantJson as tenantState } from "./support/admin";
import { useSimulator } from "./support/sim";

const ctx = useSimulator();
const open = (browser: Browser, path: string) => openPage(ctx.sim, browser, path);
const tenantJson = (name: string) => tenantState(ctx.sim, name);

describe("admin pages: navigation", () => {
  it("when the home page opens, then every tenant is listed with links named after Workday's tasks", async () => {
    const home = await open(new Browser(), "/_sim/");
    expect(home.status).toBe(200);
    for (const tenant of ["acme", "acme_sandbox", "globex_impl"]) {
      for (const [path, title] of TASKS) expect(home.text).toContain(`<a href="/_sim/tenants/${tenant}/${path}">${title}</a>`);
    }
  });

  it.each(TASKS)("when /%s opens for each tenant, then it renders with labelled fields", async (path, title) => {
    for (const tenant of ["acme", "acme_sandbox", "globex_impl"]) {
      const page = await open(new Browser(), `/_sim/tenants/${tenant}/${path}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(`<h1>${title}</h1>`);
      expect(labelledIds(page.text).filter((f) => !f.labelled)).toEqual([]);
    }
  });

  it("when a tenant page is unknown, then a 404 HTML page", async () => {
    const page = await open(new Browser(), "/_sim/tenants/nope/view-api-clients");
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("when the stylesheet is requested, then CSS comes back", async () => {
    expect((await open(new Browser(), "/_sim/assets/sim.css")).headers.get("content-type")).toMatch(/text\/css/);
  });
});

describe("admin pages: tenant setup and security", () => {
  it("when Enable User Activity Logging is unticked and OK pressed, then logging is off", async () => {
    const b = new Browser();
    const page = await open(b, "/_sim/tenants/acme/edit-tenant-setup-system");
    expect(page.text).toMatch(/id="enableUserActivityLogging"[^>]*checked/);
    const after = await b.follow(await b.submit(page, "OK", { enableUserActivityLogging: [] }));
    expect(after.text).toContain("Your changes were saved.");
    expect((await tenantJson("acme")).settings.userActivityLogging).toBe(false);
  });

  it("when OAuth 2.0 Clients Enabled is ticked and SAML unticked, then both change", async () => {
    const b = new Browser();
    const page = await open(b, "/_sim/tenants/globex_impl/edit-tenant-setup-security");
    expect(page.text).toContain('<label for="oauthClientsEnabled">OAuth 2.0 Clients Enabled</label>');
    expect(page.text).toContain('<label for="enableSamlAuthentication">Enable SAML Authentication</label>');
    await b.submit(page, "OK", { oauthClientsEnabled: "on", enableSamlAuthentication: [] });
    expect((await tenantJson("globex_impl")).settings).toMatchObject({ oauthClientsEnabled: true, samlSso: false });
  });

  it("when a policy is unticked, then it shows as pending until Activate Pending Security Policy Changes is OK'd", async () => {
    const b = new Browser();
    const page = await open(b, "/_sim/tenants/acme/domain-security-policies");
    const keep = ["tenant_setup_security", "tenant_setup_system", "security_administration", "worker_public_reports"];
    const saved = await b.follow(await b.submit(page, "OK", { permitted: keep }));
    expect(saved.text).toContain("Pending: removed after activation");
    expect((await tenantJson("acme")).permissions.find((p) => p.key === "system_auditing")).toMatchObject({ granted: false, active: true });
    const activate = await open(b, "/_sim/tenants/acme/activate-pending-security-policy-changes");
    expect(activate.text).toContain("System Auditing: Pending: removed after activation");
    expect(activate.text).toContain('<label for="comment">Comment</label>');
    const done = await b.follow(await b.submit(activate, "OK", { comment: "remove auditing" }));
    expect(done.text).toContain("Pending security policy changes were activated.");
    expect((await tenantJson("acme")).permissions.find((p) => p.key === "system_auditing")).toMatchObject({ granted: false, active: false });
  });
});

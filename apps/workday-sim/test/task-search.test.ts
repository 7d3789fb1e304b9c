import { describe, expect, it } from "vitest";
import { Browser } from "./support/browser";
import { open as openPage } from "./support/admin";
import { useSimulator } from "./support/sim";

const ctx = useSimulator();
const open = (path: string) => openPage(ctx.sim, new Browser(), path);

describe("the tenant's Workday site: home and task search", () => {
  it("when a task's name is searched in a tenant, then the result links to that task's page", async () => {
    const page = await open(`/acme/d/search.htmld?q=${encodeURIComponent("Edit Tenant Setup – Security")}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<a href="/_sim/tenants/acme/edit-tenant-setup-security">Edit Tenant Setup – Security</a>');
    expect(page.text).not.toContain("edit-tenant-setup-system");
  });

  it("when the search differs only in case and dashes, then the task is still found", async () => {
    const page = await open("/acme/d/search.htmld?q=register%20api%20CLIENT");
    expect(page.text).toContain('href="/_sim/tenants/acme/register-api-client"');
  });

  it("when nothing matches, then the page says so with the query escaped", async () => {
    const page = await open(`/acme/d/search.htmld?q=${encodeURIComponent("<script>x</script>")}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("No tasks match");
    expect(page.text).not.toContain("<script>x</script>");
  });

  it("when the home page of a tenant is opened, then it leads to the tenant's overview; an unknown tenant is not found", async () => {
    const home = await new Browser().get(`${ctx.sim.url}/acme/d/home.htmld`, {});
    expect(home.status).toBe(302);
    expect(home.location).toBe("/_sim/tenants/acme");
    expect((await open("/nope/d/search.htmld?q=x")).status).toBe(404);
  });
});

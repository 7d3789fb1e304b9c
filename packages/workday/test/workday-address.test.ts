import { describe, expect, it } from "vitest";
import { parseHostAllowList } from "../src/host-allow-list";
import { addressOfAuthorizationEndpoint, formatWorkdayAddress, parseWorkdayAddress, workdayTaskLink } from "../src/workday-address";

const allow = parseHostAllowList(undefined);
const withSim = parseHostAllowList("http://localhost:4100");

function ok(raw: string, list = allow) {
  const r = parseWorkdayAddress(raw, list);
  if (!r.ok) throw new Error(r.error);
  return r;
}
function error(raw: string, list = allow) {
  const r = parseWorkdayAddress(raw, list);
  if (r.ok) throw new Error(`accepted ${raw}`);
  return r.error;
}

describe("parseWorkdayAddress", () => {
  it("when a Workday page's address is pasted, then the site and the tenant are read from it", () => {
    expect(ok("https://impl.workday.com/acme_impl/d/home.htmld")).toEqual({ ok: true, origin: "https://impl.workday.com", tenant: "acme_impl" });
    expect(ok("  https://wd5.myworkday.com/globex/d/task/2997$1.htmld?x=1#top ")).toMatchObject({ origin: "https://wd5.myworkday.com", tenant: "globex" });
  });

  it("when the Authorization Endpoint is pasted, then it gives the same site and tenant", () => {
    expect(ok("https://impl.workday.com/acme_impl/authorize")).toMatchObject({ origin: "https://impl.workday.com", tenant: "acme_impl" });
  });

  it("when only host and tenant are given, then https is assumed", () => {
    expect(ok("impl.workday.com/acme_impl")).toMatchObject({ origin: "https://impl.workday.com", tenant: "acme_impl" });
  });

  it("when the host is not Workday's and not allowed, then the error names the host and ALLOWED_WORKDAY_HOSTS", () => {
    expect(error("https://evil.example/acme")).toMatch(/"evil\.example" is not a Workday host.*ALLOWED_WORKDAY_HOSTS/);
    expect(ok("http://localhost:4100/acme_impl/d/home.htmld", withSim)).toMatchObject({ origin: "http://localhost:4100", tenant: "acme_impl" });
  });

  it("when http is used for a Workday host, then https is asked for", () => {
    expect(error("http://impl.workday.com/acme_impl")).toMatch(/https:\/\//);
  });

  it("when an API address is pasted, then it is refused with where to look instead", () => {
    expect(error("https://wd2-impl-services1.workday.com/ccx/api/v1/acme_impl")).toMatch(/API address.*address bar/);
  });

  it("when there is no tenant, an odd tenant, a user name, spaces or nothing, then each error says what to fix", () => {
    expect(error("https://impl.workday.com/")).toMatch(/no tenant/);
    expect(error("https://impl.workday.com/acme-impl")).toMatch(/does not look like a Workday tenant name/);
    expect(error("https://me@impl.workday.com/acme")).toMatch(/user name or password/);
    expect(error("https://impl.workday.com/acme impl")).toMatch(/spaces/);
    expect(error("   ")).toMatch(/empty/);
    expect(error("javascript:alert(1)")).toMatch(/https:\/\//);
  });
});

describe("workdayTaskLink", () => {
  it("when a task is linked, then it opens Workday's search for the task's name in that tenant", () => {
    const a = { origin: "https://impl.workday.com", tenant: "acme_impl" };
    expect(formatWorkdayAddress(a)).toBe("https://impl.workday.com/acme_impl");
    expect(workdayTaskLink(a, "Edit Tenant Setup – Security")).toBe(
      "https://impl.workday.com/acme_impl/d/search.htmld?q=Edit%20Tenant%20Setup%20%E2%80%93%20Security",
    );
  });
});

describe("addressOfAuthorizationEndpoint", () => {
  it("when a stored Authorization Endpoint is read, then its site and tenant give the address; a broken one gives none", () => {
    expect(addressOfAuthorizationEndpoint("https://impl.workday.com/acme_impl/authorize?redirect=n")).toEqual({
      origin: "https://impl.workday.com",
      tenant: "acme_impl",
    });
    expect(addressOfAuthorizationEndpoint("not a url")).toBeNull();
    expect(addressOfAuthorizationEndpoint("https://impl.workday.com/")).toBeNull();
  });
});

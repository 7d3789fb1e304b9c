import { describe, expect, it } from "vitest";
import { checkTenantConsistency } from "../src/tenant-consistency";

const AUTH = "https://impl.workday.com/acme_impl/authorize";
const TOKEN = "https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token";
const REST = "https://wd2-impl-services1.workday.com/ccx/api/v1/acme_impl";

describe("checkTenantConsistency", () => {
  it("when all three name the same tenant on different hosts, then ok with that tenant", () => {
    expect(checkTenantConsistency({ authorization: AUTH, token: TOKEN, rest: REST })).toEqual({ ok: true, tenant: "acme_impl" });
  });

  it("when tenants differ only in case, then ok with the tenant as first written", () => {
    const r = checkTenantConsistency({ authorization: "https://impl.workday.com/ACME_impl/authorize", token: TOKEN });
    expect(r).toEqual({ ok: true, tenant: "ACME_impl" });
  });

  it("when only some endpoints are present, then only those are compared", () => {
    expect(checkTenantConsistency({ token: TOKEN, rest: null })).toEqual({ ok: true, tenant: "acme_impl" });
    expect(checkTenantConsistency({})).toEqual({ ok: true, tenant: null });
  });

  it("when an endpoint names no tenant, then it is skipped", () => {
    expect(checkTenantConsistency({ authorization: "https://impl.workday.com/login", token: TOKEN })).toEqual({ ok: true, tenant: "acme_impl" });
    expect(checkTenantConsistency({ authorization: "not a url", token: TOKEN }).ok).toBe(true);
  });

  it("when one of three differs, then not ok and the message names that field and what each says", () => {
    const r = checkTenantConsistency({ authorization: AUTH, token: "https://wd2-services1.workday.com/ccx/oauth2/acme/token", rest: REST });
    expect(r.ok).toBe(false);
    expect(r.tenant).toBeNull();
    expect(r.field).toBe("token");
    expect(r.message).toBe(
      'Token Endpoint names tenant "acme", but Authorization Endpoint says "acme_impl", Workday REST API Endpoint says "acme_impl". All endpoints come from the same View API Clients page and must name the same tenant.',
    );
  });

  it("when two present endpoints differ, then not ok and both are named", () => {
    const r = checkTenantConsistency({ authorization: AUTH, rest: "https://services1.myworkday.com/ccx/api/v1/acme" });
    expect(r.ok).toBe(false);
    expect(r.field).toBe("rest");
    expect(r.message).toMatch(/Authorization Endpoint says "acme_impl", Workday REST API Endpoint says "acme"/);
  });

  it("when all three differ, then all three are listed", () => {
    const r = checkTenantConsistency({
      authorization: "https://impl.workday.com/a/authorize",
      token: "https://wd2-services1.workday.com/ccx/oauth2/b/token",
      rest: "https://wd2-services1.workday.com/ccx/api/v1/c",
    });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/"a".*"b".*"c"/);
  });

  it("when bare tenant names are passed, then they are compared directly", () => {
    expect(checkTenantConsistency({ authorization: "acme", token: "ACME" })).toEqual({ ok: true, tenant: "acme" });
    expect(checkTenantConsistency({ authorization: "acme", token: "other" }).ok).toBe(false);
  });
});

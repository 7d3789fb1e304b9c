import { describe, expect, it } from "vitest";
import { isHostAllowed, parseHostAllowList } from "../src/host-allow-list";

const check = (url: string, extra?: string) => isHostAllowed(new URL(url), parseHostAllowList(extra));

describe("default allow-list", () => {
  it.each([
    "https://wd2-services1.workday.com/ccx/oauth2/acme/token",
    "https://wd2-impl-services1.workday.com/x",
    "https://wd3-services1-impl.workday.com/x",
    "https://impl.workday.com/acme/authorize",
    "https://services1.myworkday.com/x",
    "https://wd5-services2-impl.myworkday.com/x",
    "https://a.b.c.workday.com/x",
    "https://workday.com/x",
    "https://myworkday.com/x",
    "https://WD2-IMPL-SERVICES1.WORKDAY.COM/x",
  ])("when %s is checked with no extra entries, then it is allowed over https only", (url) => {
    expect(check(url)).toEqual({ allowed: true, httpAllowed: false });
  });

  it.each([
    "https://workday.com.evil.example/x",
    "https://evilworkday.com/x",
    "https://notmyworkday.com/x",
    "https://localhost/x",
    "https://127.0.0.1/x",
    "https://[::1]/x",
    "https://10.0.0.5/x",
  ])("when %s is checked with no extra entries, then it is refused", (url) => {
    expect(check(url).allowed).toBe(false);
  });

  it("when a Workday host uses a non-default port, then it is refused", () => {
    expect(check("https://impl.workday.com:8443/x").allowed).toBe(false);
  });

  it("when extra is empty or only commas and spaces, then only the defaults apply", () => {
    expect(parseHostAllowList("").entries).toHaveLength(2);
    expect(parseHostAllowList(" , ,").entries).toHaveLength(2);
    expect(parseHostAllowList(undefined).entries).toHaveLength(2);
  });
});

describe("extra entries", () => {
  it("when http://localhost:4010 is listed, then http and https are allowed on exactly that port", () => {
    const extra = "http://localhost:4010";
    expect(check("http://localhost:4010/x", extra)).toEqual({ allowed: true, httpAllowed: true });
    expect(check("https://localhost:4010/x", extra)).toEqual({ allowed: true, httpAllowed: true });
    expect(check("http://localhost:4011/x", extra).allowed).toBe(false);
    expect(check("http://localhost/x", extra).allowed).toBe(false);
    expect(check("http://127.0.0.1:4010/x", extra).allowed).toBe(false);
  });

  it("when an IP and an IPv6 address are listed with http, then each is allowed for http on its port", () => {
    const extra = "http://127.0.0.1:4010, http://[::1]:4011";
    expect(check("http://127.0.0.1:4010/x", extra)).toEqual({ allowed: true, httpAllowed: true });
    expect(check("http://[::1]:4011/x", extra)).toEqual({ allowed: true, httpAllowed: true });
  });

  it("when a host is listed without a scheme, then https on its default port is allowed and http is not", () => {
    expect(check("https://wd.example.test/x", "wd.example.test")).toEqual({ allowed: true, httpAllowed: false });
    expect(check("http://wd.example.test/x", "wd.example.test")).toEqual({ allowed: true, httpAllowed: false });
    expect(check("https://wd.example.test:8443/x", "wd.example.test").allowed).toBe(false);
  });

  it("when host:port is listed, then only that port is allowed", () => {
    expect(check("https://sim.test:8443/x", "sim.test:8443").allowed).toBe(true);
    expect(check("https://sim.test/x", "sim.test:8443").allowed).toBe(false);
  });

  it("when host:443 is listed, then the default https port matches", () => {
    expect(check("https://sim.test/x", "sim.test:443").allowed).toBe(true);
  });

  it("when http://host:80 is listed, then plain http on the default port is allowed", () => {
    expect(check("http://sim.test/x", "http://sim.test:80")).toEqual({ allowed: true, httpAllowed: true });
  });

  it("when *.example.test is listed, then subdomains at any depth and the apex are allowed, over https only", () => {
    const extra = "*.example.test";
    expect(check("https://a.example.test/x", extra).allowed).toBe(true);
    expect(check("https://a.b.example.test/x", extra).allowed).toBe(true);
    expect(check("https://example.test/x", extra).allowed).toBe(true);
    expect(check("https://badexample.test/x", extra).allowed).toBe(false);
  });

  it("when entries are mixed case, then hosts compare lowercased", () => {
    expect(check("https://sim.test/x", "SIM.Test").allowed).toBe(true);
  });
});

describe("invalid entries", () => {
  it.each([
    ["ftp://files.example.test", /only http:\/\/ or https:\/\//],
    ["http://localhost", /must name its port/],
    ["*", /a \* is allowed only|host is missing|not valid/],
    ["*.com", /too broad/],
    ["*.127.0.0.1", /cannot cover an IP address/],
    ["a.*.example.test", /only as the first label/],
    ["example.test/path", /without path/],
    ["user@example.test", /without path, query, user name/],
    ["exa mple.test", /without path, query, user name or spaces/],
    ["example.test:99999", /not a host name/],
  ])("when the entry is %s, then parsing throws a readable error naming ALLOWED_WORKDAY_HOSTS", (entry, message) => {
    expect(() => parseHostAllowList(`wd.example.test, ${entry}`)).toThrow(message);
    expect(() => parseHostAllowList(entry)).toThrow(/ALLOWED_WORKDAY_HOSTS entry/);
  });
});

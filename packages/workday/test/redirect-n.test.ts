import { describe, expect, it } from "vitest";
import { effectiveAuthorizationUrl, withRedirectN } from "../src/redirect-n";

const A = "https://impl.workday.com/acme/authorize";

describe("withRedirectN", () => {
  it.each([
    ["no query", A, `${A}?redirect=n`],
    ["an empty query", `${A}?`, `${A}?redirect=n`],
    ["other params", `${A}?a=1&b=2`, `${A}?a=1&b=2&redirect=n`],
    ["a trailing &", `${A}?a=1&`, `${A}?a=1&redirect=n`],
    ["redirect=n already", `${A}?redirect=n`, `${A}?redirect=n`],
    ["redirect=n among others", `${A}?a=1&redirect=n&b=2`, `${A}?a=1&redirect=n&b=2`],
    ["redirect=y", `${A}?redirect=y`, `${A}?redirect=n`],
    ["redirect=y among others, keeping its place", `${A}?a=1&redirect=y&b=2`, `${A}?a=1&redirect=n&b=2`],
    ["redirect with no value", `${A}?redirect`, `${A}?redirect=n`],
    ["redirect=N", `${A}?redirect=N`, `${A}?redirect=n`],
    ["redirect twice", `${A}?redirect=y&a=1&redirect=n`, `${A}?redirect=n&a=1`],
    ["an encoded redirect name", `${A}?redir%65ct=y`, `${A}?redirect=n`],
    ["a fragment", `${A}#top`, `${A}?redirect=n#top`],
    ["a query and a fragment", `${A}?a=1#top`, `${A}?a=1&redirect=n#top`],
    ["a ? inside the fragment", `${A}#x?y`, `${A}?redirect=n#x?y`],
    ["encoded params kept byte for byte", `${A}?q=a%20b+c&r=%2F%3F&x=%E2%9C%93`, `${A}?q=a%20b+c&r=%2F%3F&x=%E2%9C%93&redirect=n`],
    ["a param that only starts with redirect", `${A}?redirect_uri=x`, `${A}?redirect_uri=x&redirect=n`],
  ])("when the URL has %s, then redirect=n appears exactly once", (_case, input, expected) => {
    expect(withRedirectN(input)).toBe(expected);
  });

  it("when applied twice, then the result is unchanged the second time", () => {
    const once = withRedirectN(`${A}?a=1`);
    expect(withRedirectN(once)).toBe(once);
  });

  it("when the result is parsed, then there is a single redirect parameter", () => {
    expect(new URL(withRedirectN(`${A}?redirect=y&redirect=z`)).searchParams.getAll("redirect")).toEqual(["n"]);
  });
});

describe("effectiveAuthorizationUrl", () => {
  it("when the tenant signs in with SAML SSO, then redirect=n is added", () => {
    expect(effectiveAuthorizationUrl(A, true)).toBe(`${A}?redirect=n`);
  });

  it("when it does not, then the URL is used as pasted", () => {
    expect(effectiveAuthorizationUrl(`${A}?a=1`, false)).toBe(`${A}?a=1`);
  });
});

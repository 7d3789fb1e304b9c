import { describe, expect, it } from "vitest";
import { AUTHORIZE_REQUEST_PARAMS, authorizeRequestParamsIn, withoutAuthorizeRequestParams } from "../src/authorize-params";

const base = "https://impl.workday.com/acme/authorize";

describe("authorizeRequestParamsIn", () => {
  it("when the endpoint has no query or only harmless parameters, then none are found", () => {
    expect(authorizeRequestParamsIn(base)).toEqual([]);
    expect(authorizeRequestParamsIn(`${base}?redirect=n&lang=en&state_hint=1`)).toEqual([]);
  });

  it("when parameters repeat, then each is named once in the order it first appears", () => {
    expect(authorizeRequestParamsIn(`${base}?state=a&redirect=n&client_id=b&state=c`)).toEqual(["state", "client_id"]);
  });

  it("when a name is written with + or percent escapes, then it is read as a server reads it", () => {
    expect(authorizeRequestParamsIn(`${base}?redirect%5Furi=x&%73cope=y`)).toEqual(["redirect_uri", "scope"]);
  });

  it("when only the fragment mentions a parameter, then it is not counted", () => {
    expect(authorizeRequestParamsIn(`${base}#state=x`)).toEqual([]);
  });

  it("when the list is read, then it holds what the console sends and what changes the grant", () => {
    expect([...AUTHORIZE_REQUEST_PARAMS].sort()).toEqual([
      "client_id",
      "code_challenge",
      "code_challenge_method",
      "nonce",
      "prompt",
      "redirect_uri",
      "request",
      "request_uri",
      "response_mode",
      "response_type",
      "scope",
      "state",
    ]);
  });
});

describe("withoutAuthorizeRequestParams", () => {
  it("when the endpoint carries none, then it comes back unchanged", () => {
    const url = `${base}?redirect=n&x=a%20b`;
    expect(withoutAuthorizeRequestParams(url)).toBe(url);
  });

  it("when it carries some among harmless ones, then only those go and the rest keep their text and order", () => {
    expect(withoutAuthorizeRequestParams(`${base}?state=evil&redirect=n&x=a%20b&client_id=1&response_type=token`)).toBe(`${base}?redirect=n&x=a%20b`);
  });

  it("when nothing is left, then the ? goes too", () => {
    expect(withoutAuthorizeRequestParams(`${base}?redirect_uri=https%3A%2F%2Fevil.example&scope=all`)).toBe(base);
  });
});

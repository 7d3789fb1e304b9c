import { describe, expect, it } from "vitest";
import { parseApiClientBlock } from "../src/api-client-block";

const VALUES = {
  clientId: "NzJkYTc0ZGQtOTAxZi00",
  clientSecret: "s3cr3t+/Value==",
  restApiEndpoint: "https://wd2-impl-services1.workday.com/ccx/api/v1/acme_impl",
  tokenEndpoint: "https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token",
  authorizationEndpoint: "https://impl.workday.com/acme_impl/authorize",
};
const ALL = { ...VALUES, unrecognised: [] };

describe("parseApiClientBlock layouts", () => {
  it("when pairs are Label<TAB>Value, then all five are found", () => {
    const text = [
      `Client ID\t${VALUES.clientId}`,
      `Client Secret\t${VALUES.clientSecret}`,
      `Workday REST API Endpoint\t${VALUES.restApiEndpoint}`,
      `Token Endpoint\t${VALUES.tokenEndpoint}`,
      `Authorization Endpoint\t${VALUES.authorizationEndpoint}`,
    ].join("\n");
    expect(parseApiClientBlock(text)).toEqual(ALL);
  });

  it("when pairs are Label: Value with CRLF line ends, then all five are found", () => {
    const text = [
      `Client ID: ${VALUES.clientId}`,
      `Client Secret: ${VALUES.clientSecret}`,
      `Workday REST API Endpoint: ${VALUES.restApiEndpoint}`,
      `Token Endpoint: ${VALUES.tokenEndpoint}`,
      `Authorization Endpoint: ${VALUES.authorizationEndpoint}`,
    ].join("\r\n");
    expect(parseApiClientBlock(text)).toEqual(ALL);
  });

  it("when pairs are separated by several spaces, then all five are found", () => {
    const text = [
      `Client ID    ${VALUES.clientId}`,
      `Client Secret  ${VALUES.clientSecret}`,
      `Workday REST API Endpoint   ${VALUES.restApiEndpoint}`,
      `Token Endpoint  ${VALUES.tokenEndpoint}`,
      `Authorization Endpoint  ${VALUES.authorizationEndpoint}`,
    ].join("\n");
    expect(parseApiClientBlock(text)).toEqual(ALL);
  });

  it("when each label is on its own line with the value on the next, blank lines between, then all five are found", () => {
    const text = [
      "Client ID",
      VALUES.clientId,
      "",
      "Client Secret",
      "",
      VALUES.clientSecret,
      "Workday REST API Endpoint",
      VALUES.restApiEndpoint,
      "Token Endpoint",
      VALUES.tokenEndpoint,
      "Authorization Endpoint",
      VALUES.authorizationEndpoint,
    ].join("\n");
    expect(parseApiClientBlock(text)).toEqual(ALL);
  });

  it("when labels vary in case and spacing, carry a colon and omit Workday, then they still match", () => {
    const text = [
      `  client   id :  ${VALUES.clientId}  `,
      `CLIENT SECRET:\t${VALUES.clientSecret}`,
      `REST API Endpoint:`,
      `   ${VALUES.restApiEndpoint}   `,
      `token endpoint\t\t${VALUES.tokenEndpoint}`,
      `Authorization  Endpoint\u00A0: ${VALUES.authorizationEndpoint}`,
    ].join("\n");
    expect(parseApiClientBlock(text)).toEqual(ALL);
  });

  it("when several pairs sit on one tab-separated line, then each is found", () => {
    const text = `Client ID\t${VALUES.clientId}\tClient Secret\t${VALUES.clientSecret}`;
    expect(parseApiClientBlock(text)).toEqual({ clientId: VALUES.clientId, clientSecret: VALUES.clientSecret, unrecognised: [] });
  });
});

describe("parseApiClientBlock with the rest of Workday's page", () => {
  it("when the whole done page is pasted, then the other fields go to unrecognised", () => {
    const text = [
      "Register API Client",
      "Client Name\tworkday-connect",
      `Client ID\t${VALUES.clientId}`,
      `Client Secret\t${VALUES.clientSecret}`,
      "Redirection URI\thttps://console.example/api/oauth/connect/c1",
      `Token Endpoint\t${VALUES.tokenEndpoint}`,
    ].join("\n");
    const r = parseApiClientBlock(text);
    expect(r.clientId).toBe(VALUES.clientId);
    expect(r.clientSecret).toBe(VALUES.clientSecret);
    expect(r.tokenEndpoint).toBe(VALUES.tokenEndpoint);
    expect(r.unrecognised).toEqual([
      "Register API Client",
      "Client Name",
      "workday-connect",
      "Redirection URI",
      "https://console.example/api/oauth/connect/c1",
    ]);
  });

  it("when a label has no value and another label follows, then the label is skipped, not given the next label", () => {
    const r = parseApiClientBlock(["Client ID", "Client Secret", VALUES.clientSecret, "Token Endpoint", "Redirection URI"].join("\n"));
    expect(r.clientId).toBeUndefined();
    expect(r.clientSecret).toBe(VALUES.clientSecret);
    expect(r.tokenEndpoint).toBeUndefined();
  });

  it("when a label is the last line, then it has no value", () => {
    expect(parseApiClientBlock("Client ID")).toEqual({ unrecognised: [] });
  });

  it("when a label appears twice with different values, then the first wins and the second is reported", () => {
    const r = parseApiClientBlock("Client ID: one\nClient ID: two\nClient ID: one");
    expect(r.clientId).toBe("one");
    expect(r.unrecognised).toEqual(["Client ID: two"]);
  });

  it("when zero-width characters come with an HTML copy, then they are removed", () => {
    expect(parseApiClientBlock(`Client\u200B ID\t\uFEFF${VALUES.clientId}\u200B`).clientId).toBe(VALUES.clientId);
  });

  it("when a label only starts like one of ours, then it is not taken", () => {
    expect(parseApiClientBlock("Client IDs\tx\nToken Endpoints: y")).toEqual({ unrecognised: ["Client IDs", "x", "Token Endpoints: y"] });
  });

  it("when the text is empty or not a string, then nothing is found and nothing throws", () => {
    expect(parseApiClientBlock("")).toEqual({ unrecognised: [] });
    expect(parseApiClientBlock(null as unknown as string)).toEqual({ unrecognised: [] });
  });
});

import { describe, expect, it } from "vitest";
import { CONNECTOR_NAME_MAX, normaliseConnectorName } from "../src/connector-name";

describe("normaliseConnectorName", () => {
  it.each([
    ["Acme production", "Acme production"],
    ["  Acme   production  ", "Acme production"],
    ["Acme\tproduction\nEU", "Acme production EU"],
    ["Acme\u00A0prod", "Acme prod"],
    ["Cafe\u0301", "Café"],
    ["x", "x"],
  ])("when the name is %j, then it becomes %j", (raw, name) => {
    expect(normaliseConnectorName(raw)).toEqual({ ok: true, name });
  });

  it("when the name is exactly the maximum length, then it is accepted", () => {
    expect(normaliseConnectorName("a".repeat(CONNECTOR_NAME_MAX)).ok).toBe(true);
    expect(CONNECTOR_NAME_MAX).toBe(64);
  });

  it.each([
    ["", /required/],
    ["   \n ", /required/],
    ["a".repeat(65), /65 characters long: use at most 64/],
    ["Acme\u0000prod", /control characters/],
    ["Acme\u007Fprod", /control characters/],
    ["Acme\u0085prod", /control characters/],
    ["Acme\u202Eprod", /control characters/],
  ])("when the name is %j, then it is refused with a message", (raw, message) => {
    const r = normaliseConnectorName(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

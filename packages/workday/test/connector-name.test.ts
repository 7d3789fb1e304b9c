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
    ["\uFEFFAcme\u2028prod\uFEFF", "Acme prod"],
    ["Zürich 🚀", "Zürich 🚀"],
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
    ["Acme\u0000prod", /^Name contains the control character U\+0000 \(NUL\) at position 5: remove it, or type the name/],
    ["Acme\u007Fprod", /control character U\+007F/],
    ["Acme\u0085prod", /control character U\+0085/],
    ["Acme\u202Eprod", /text-direction character U\+202E \(right-to-left override\) at position 5/],
    ["Acme\u2067prod", /text-direction character U\+2067/],
    ["Acme\u200Bprod", /invisible character U\+200B \(zero-width space\) at position 5/],
    ["Acme\u2060prod", /invisible character U\+2060/],
    ["Acme\uFEFFprod", /invisible character U\+FEFF/],
    ["Acme\uDFFFprod", /broken character .*U\+DFFF at position 5/],
    ["  Acme\u200D", /U\+200D \(zero-width joiner\) at position 7/],
  ])("when the name is %j, then it is refused with a message", (raw, message) => {
    const r = normaliseConnectorName(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

import { describe, expect, it } from "vitest";
import { createUserRequestSchema, isSafeReturnTo, signInRequestSchema } from "../src";

describe("returnTo after sign-in (no open redirector)", () => {
  it.each(["/connectors", "/connectors/abc/setup?step=details", "/audit?action=user.created"])("when it is %s, then it is kept", (v) => {
    expect(isSafeReturnTo(v)).toBe(true);
  });
  it.each([
    "//evil.example",
    "//evil.example/connectors",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "connectors",
    "/\t/evil.example",
    "/api/users",
    "",
  ])("when it is %j, then it is refused", (v) => {
    expect(isSafeReturnTo(v)).toBe(false);
  });
});

describe("account fields", () => {
  it("when the email has spaces and capitals, then it is normalised; a short password names the minimum", () => {
    expect(signInRequestSchema.parse({ email: " Ada@Example.COM ", password: "x" }).email).toBe("ada@example.com");
    const r = createUserRequestSchema.safeParse({ name: "A", email: "a@example.com", role: "support", password: "short" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Use at least 12 characters.");
  });
});

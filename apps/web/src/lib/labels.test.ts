import { describe, expect, it } from "vitest";
import { environmentName } from "./labels";

describe("environmentName", () => {
  it("when a sandbox-class tenant is named _impl, then it is shown as Implementation; otherwise by its own name", () => {
    expect(environmentName("sandbox", "globex_impl")).toBe("Implementation");
    expect(environmentName("sandbox", "globex_impl2")).toBe("Implementation");
    expect(environmentName("sandbox", "acme_sandbox")).toBe("Sandbox");
    expect(environmentName("sandbox", null)).toBe("Sandbox");
    expect(environmentName("production", "simplecorp")).toBe("Production");
    expect(environmentName(null, "acme")).toBe("—");
  });
});

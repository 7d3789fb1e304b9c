import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { packageVersion } from "../src/platform/config/package-version";

const dir = mkdtempSync(path.join(tmpdir(), "wc-version-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return pathToFileURL(path.join(dir, name));
};

describe("packageVersion", () => {
  it("when the package.json has a version, then that is the console's version", () => {
    expect(packageVersion(file("a.json", JSON.stringify({ name: "@wc/bff", version: "1.4.2" })))).toBe("1.4.2");
  });

  it("when the file is missing, unreadable JSON, or has no usable version, then it is 'dev'", () => {
    expect(packageVersion(pathToFileURL(path.join(dir, "missing.json")))).toBe("dev");
    expect(packageVersion(file("b.json", "{ not json"))).toBe("dev");
    expect(packageVersion(file("c.json", JSON.stringify({ name: "x" })))).toBe("dev");
    expect(packageVersion(file("d.json", JSON.stringify({ version: 3 })))).toBe("dev");
    expect(packageVersion(file("e.json", JSON.stringify({ version: "" })))).toBe("dev");
  });
});

import { describe, expect, it } from "vitest";
import { preferredCoding } from "../src/platform/http/kept-compression";

describe("preferredCoding", () => {
  it("when a browser lists gzip, deflate, br and zstd at equal weight, then brotli is chosen, as for every other compressed answer", () => {
    expect(preferredCoding("gzip, deflate, br, zstd")).toBe("br");
    expect(preferredCoding("br, gzip")).toBe("br");
    expect(preferredCoding("GZIP, BR")).toBe("br");
  });

  it("when weights differ, then the heavier coding wins; q=0 refuses a coding", () => {
    expect(preferredCoding("gzip;q=1, br;q=0.5")).toBe("gzip");
    expect(preferredCoding("br;q=0, gzip")).toBe("gzip");
    expect(preferredCoding("br;q=0.8, gzip;q=0.8")).toBe("br");
    expect(preferredCoding("gzip ; q=0.2")).toBe("gzip");
  });

  it("when neither is accepted, or there is no header, then the answer goes as it is", () => {
    expect(preferredCoding(undefined)).toBe("identity");
    expect(preferredCoding("")).toBe("identity");
    expect(preferredCoding("identity")).toBe("identity");
    expect(preferredCoding("deflate")).toBe("identity");
    expect(preferredCoding("br;q=0, gzip;q=0")).toBe("identity");
    expect(preferredCoding("*;q=0")).toBe("identity");
  });

  it("when only * is named, then its weight applies to both and brotli is chosen; a named coding overrides *", () => {
    expect(preferredCoding("*")).toBe("br");
    expect(preferredCoding("*, br;q=0")).toBe("gzip");
  });

  it("when a weight is malformed, then the coding counts at full weight rather than failing the request", () => {
    expect(preferredCoding("gzip;q=abc")).toBe("gzip");
    expect(preferredCoding("br;q=2, gzip")).toBe("br");
    // Above 1 is no heavier than 1: a tie, which brotli wins.
    expect(preferredCoding("gzip;q=1.5, br")).toBe("br");
  });
});

import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { connected } from "../../testing/fixtures";
import { CheckTimes } from "./components/check-times";

const valueOf = (term: string) => screen.getByText(term).nextElementSibling?.textContent;

describe("check times", () => {
  it("when the last check passed, then it says Passed at that time and shows no separate Last successful check", () => {
    const at = "2026-12-05T14:03:00.000Z";
    render(<CheckTimes connector={connected({ lastCheckAt: at, lastSuccessAt: at })} />);
    expect(valueOf("Last check")).toBe("Passed at 5 Dec 2026, 14:03 UTC");
    expect(screen.queryByText("Last successful check")).toBeNull();
  });

  it("when the last check failed after an earlier success, then it says Failed at and when it last succeeded", () => {
    render(<CheckTimes connector={connected({ lastCheckAt: "2026-12-05T14:03:00.000Z", lastSuccessAt: "2026-12-04T09:00:00.000Z" })} />);
    expect(valueOf("Last check")).toBe("Failed at 5 Dec 2026, 14:03 UTC");
    expect(valueOf("Last successful check")).toBe("4 Dec 2026, 09:00 UTC");
  });

  it("when checks failed and never succeeded, then Last successful check says Never succeeded", () => {
    render(<CheckTimes connector={connected({ lastCheckAt: "2026-12-05T14:03:00.000Z", lastSuccessAt: null })} />);
    expect(valueOf("Last successful check")).toBe("Never succeeded");
  });

  it("when no check ran yet, then it says Not checked yet", () => {
    render(<CheckTimes connector={connected({ lastCheckAt: null, lastSuccessAt: null, nextCheckAt: null })} />);
    expect(valueOf("Last check")).toBe("Not checked yet");
    expect(valueOf("Next check")).toBe("Not scheduled");
  });
});

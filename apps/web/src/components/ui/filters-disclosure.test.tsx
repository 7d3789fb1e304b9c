import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { FiltersDisclosure } from "./filters-disclosure";

function screenIsWide(matches: boolean) {
  const query = { matches, addEventListener: vi.fn(), removeEventListener: vi.fn() };
  vi.spyOn(window, "matchMedia").mockReturnValue(query as unknown as MediaQueryList);
}

const details = () => screen.getByText(/^Filters/).closest("details");

describe("FiltersDisclosure", () => {
  it("when the screen is phone-sized, then the filters start folded and the summary says how many are set", () => {
    screenIsWide(false);
    render(
      <FiltersDisclosure active={2}>
        <input aria-label="Account" />
      </FiltersDisclosure>,
    );
    expect(screen.getByText("Filters (2 set)")).toBeDefined();
    expect(details()?.open).toBe(false);
  });

  it("when the screen is wide, then the filters are open", () => {
    screenIsWide(true);
    render(
      <FiltersDisclosure active={0}>
        <input aria-label="Account" />
      </FiltersDisclosure>,
    );
    expect(screen.getByText("Filters")).toBeDefined();
    expect(details()?.open).toBe(true);
  });
});

import { render, screen } from "@testing-library/react";
import { act } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConsentWaiting, WATCHDOG_MS } from "./consent-waiting";

describe("waiting for Workday", async () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("when Workday has not answered in the pop-up after the watchdog time, then the likely causes and Continue in this window show", async () => {
    const here = vi.fn();
    render(<ConsentWaiting className="panel" popup blocked={false} onCancel={() => undefined} onContinueHere={here} />);
    await act(async () => {
      vi.advanceTimersByTime(WATCHDOG_MS - 1);
    });
    expect(screen.queryByText("Is Workday showing an error?")).toBeNull();
    await act(async () => {
      vi.advanceTimersByTime(1);
    });
    expect(screen.getByText("Is Workday showing an error?")).toBeDefined();
    expect(screen.getByText(/OAuth 2.0 clients are not enabled/)).toBeDefined();
    await act(async () => {
      screen.getByRole("button", { name: "Continue in this window" }).click();
    });
    expect(here).toHaveBeenCalledOnce();
  });

  it("when Workday opens in this window, then no watchdog shows, since this page is leaving", async () => {
    render(<ConsentWaiting className="panel" popup={false} blocked onCancel={() => undefined} onContinueHere={() => undefined} />);
    await act(async () => {
      vi.advanceTimersByTime(WATCHDOG_MS * 2);
    });
    expect(screen.queryByText("Is Workday showing an error?")).toBeNull();
    expect(screen.getByText(/^Your browser blocked the pop-up/)).toBeDefined();
  });
});

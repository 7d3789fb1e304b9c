import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { connected, toSummary } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

describe("top bar on a narrow screen", () => {
  it("when Menu is pressed, then it says the menu is expanded, names the menu it controls, and the menu holds the navigation and Sign out", async () => {
    server.use(api.connectors({ connectors: [toSummary(connected())] }));
    const { user } = renderApp("/connectors");
    const button = await screen.findByRole("button", { name: "Menu" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    const menu = document.getElementById(button.getAttribute("aria-controls") ?? "");
    if (menu === null) throw new Error("aria-controls names no element");
    expect(within(menu).getByRole("navigation", { name: "Main" })).toBeDefined();
    expect(within(menu).getByRole("button", { name: "Sign out" })).toBeDefined();
    await user.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(menu.className).toContain("topbar-menu-open");
  });

  it("when a link in the open menu is followed, then the menu is closed on the new page", async () => {
    server.use(api.connectors({ connectors: [toSummary(connected())] }));
    const { user } = renderApp("/connectors");
    const button = await screen.findByRole("button", { name: "Menu" });
    await user.click(button);
    await user.click(screen.getByRole("link", { name: "Account" }));
    await screen.findByRole("heading", { name: "Account", level: 1 });
    expect(screen.getByRole("button", { name: "Menu" }).getAttribute("aria-expanded")).toBe("false");
  });
});

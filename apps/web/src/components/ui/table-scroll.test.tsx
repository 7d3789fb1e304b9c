import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TableScroll } from "./table-scroll";

describe("TableScroll", () => {
  it("when a table is wrapped, then it sits in a keyboard-focusable region named after the table", () => {
    render(
      <TableScroll label="Status changes">
        <table>
          <caption>Status changes</caption>
          <tbody>
            <tr>
              <td>Connected</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>,
    );
    const region = screen.getByRole("region", { name: "Status changes" });
    expect(region.tabIndex).toBe(0);
    expect(within(region).getByRole("table", { name: "Status changes" })).toBeDefined();
  });
});

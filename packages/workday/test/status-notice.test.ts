import { describe, expect, it } from "vitest";
import { statusNotice, type ConnectorStatus, type NoticeState } from "../src";

type State = NoticeState & { status: ConnectorStatus };
const start: State = { status: "connected", notifiedStatus: null, healthyStreak: 0 };

/** Feeds status moves one after another and collects what would be announced. */
function play(moves: [ConnectorStatus, boolean][], holdDown = 2) {
  let s = start;
  const notices: string[] = [];
  for (const [status, healthy] of moves) {
    const r = statusNotice(s, { status, healthy }, holdDown);
    if (r.notice) notices.push(`${r.notice.from}->${r.notice.to}${r.notice.recovered ? " (recovered)" : ""}`);
    s = { status, notifiedStatus: r.notifiedStatus, healthyStreak: r.healthyStreak };
  }
  return notices;
}

describe("statusNotice", () => {
  it("when a connected connector breaks, then the new status is announced once however often it is confirmed", () => {
    expect(
      play([
        ["relink_needed", false],
        ["relink_needed", false],
        ["relink_needed", false],
      ]),
    ).toEqual(["connected->relink_needed"]);
  });

  it("when it comes back, then recovery is announced only after two healthy outcomes in a row", () => {
    expect(
      play([
        ["relink_needed", false],
        ["connected", true],
      ]),
    ).toEqual(["connected->relink_needed"]);
    expect(
      play([
        ["relink_needed", false],
        ["connected", true],
        ["connected", true],
        ["connected", true],
      ]),
    ).toEqual(["connected->relink_needed", "relink_needed->connected (recovered)"]);
  });

  it("when a connector flaps between connected and degraded, then degraded is announced once and no recovery until it holds", () => {
    const flapping: [ConnectorStatus, boolean][] = [
      ["degraded", false],
      ["connected", true],
      ["degraded", false],
      ["connected", true],
      ["degraded", false],
    ];
    expect(play(flapping)).toEqual(["connected->degraded"]);
  });

  it("when a broken connector breaks differently, then the new status is announced too", () => {
    expect(
      play([
        ["degraded", false],
        ["action_required", false],
      ]),
    ).toEqual(["connected->degraded", "degraded->action_required"]);
  });

  it("when a connector was never announced as broken, then healthy outcomes announce nothing", () => {
    expect(
      play([
        ["connected", true],
        ["connected", true],
        ["connected", true],
      ]),
    ).toEqual([]);
  });

  it("when the hold-down is 1, then the first healthy outcome announces the recovery", () => {
    expect(
      play(
        [
          ["disconnected", false],
          ["connected", true],
        ],
        1,
      ),
    ).toEqual(["connected->disconnected", "disconnected->connected (recovered)"]);
  });
});

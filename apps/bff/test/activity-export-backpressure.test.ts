import type { ServerResponse } from "node:http";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorResponseSchema, routes } from "@wc/contracts";
import type { StoredActivityRow } from "../src/store/types";
import { startBff, type Harness } from "./harness";

/** Enough rows (~12 MB of CSV) to outrun loopback socket buffers many times over. */
const ROWS = 40_000;

const row = (i: number): StoredActivityRow => ({
  key: `key${String(i).padStart(6, "0")}`,
  requestTime: new Date(Date.UTC(2026, 2, 1) + i * 1000).toISOString(),
  systemAccount: `account${i % 50}`,
  taskId: `task${i % 40}`,
  taskDisplayName: `A task with a fairly long display name, number ${i % 40}, to make each line heavier`,
  activityAction: "READ",
  ipAddress: `198.51.100.${i % 250}`,
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
  deviceType: "Desktop",
  sessionId: `session-${i % 97}`,
  targetId: `target-${i}`,
  targetDescriptor: `Target number ${i}`,
  targetHref: `https://wd.example/targets/${i}`,
});

let h: Harness;
let path: string;
beforeAll(async () => {
  h = await startBff();
  const id = connectorResponseSchema.parse((await h.client.post(routes.connectors, { name: "Big export" })).json()).connector.id;
  for (let start = 0; start < ROWS; start += 5000) {
    await h.store.commitActivityPage(
      id,
      Array.from({ length: 5000 }, (_, i) => row(start + i)),
      {},
    );
  }
  path = `${routes.connectorActivityExport(id)}?format=csv`;
}, 60_000);
afterAll(async () => {
  await h.close();
});

/** Reads the download a little at a time, sampling the server-side response's listeners as it goes. */
function slowDownload(sample: () => void): Promise<{ bytes: number; lines: number }> {
  const { hostname, port } = new URL(h.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, headers: { cookie: h.client.cookieHeader() } }, (res) => {
      let bytes = 0;
      let lines = 0;
      res.pause();
      const step = () => {
        sample();
        for (let n = 0; n < 4; n++) {
          const chunk = res.read(16 * 1024) as Buffer | null;
          if (chunk === null) break;
          bytes += chunk.length;
          for (const b of chunk) if (b === 10) lines += 1;
        }
        if (res.readableEnded) return resolve({ bytes, lines });
        setTimeout(step, 1);
      };
      res.on("end", () => resolve({ bytes, lines }));
      res.on("error", reject);
      step();
    });
    req.on("error", reject);
    req.end();
  });
}

describe("activity export to a slow client", () => {
  it("when a large export is read slowly, then no MaxListenersExceededWarning is emitted and the response's listeners stay bounded", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on("warning", onWarning);
    let streaming: ServerResponse | undefined;
    const capture = (req: { url?: string }, res: ServerResponse) => {
      if (req.url?.includes("/activity/export")) streaming = res;
    };
    h.server.prependListener("request", capture);
    const most = { close: 0, drain: 0 };
    try {
      const got = await slowDownload(() => {
        most.close = Math.max(most.close, streaming?.listenerCount("close") ?? 0);
        most.drain = Math.max(most.drain, streaming?.listenerCount("drain") ?? 0);
      });
      expect(got.lines).toBe(ROWS + 1);
    } finally {
      h.server.off("request", capture);
      process.off("warning", onWarning);
    }
    // Let any warning emitted on the last tick arrive.
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((w) => w.includes("MaxListenersExceeded"))).toEqual([]);
    expect(most.drain, "the export waited for the slow client at least once").toBeGreaterThan(0);
    expect(most.close).toBeLessThanOrEqual(4);
    expect(most.drain).toBeLessThanOrEqual(2);
  }, 60_000);
});

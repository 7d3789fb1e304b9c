import { advanceCursor, offsetRefused, pageRequest, startCursor, type PageRequest } from "@wc/workday";

export interface WindowSpec {
  activityUrl: string;
  token: string;
  fromMs: number;
  toMs: number;
  pageSize: number;
  ceiling: number;
}

export function windowFromEnv(env: NodeJS.ProcessEnv): WindowSpec {
  const need = (k: string) => {
    const v = env[k];
    if (!v) throw new Error(`${k} is required`);
    return v;
  };
  return {
    activityUrl: need("BENCH_ACTIVITY_URL"),
    token: need("BENCH_TOKEN"),
    fromMs: Number(need("BENCH_FROM_MS")),
    toMs: Number(need("BENCH_TO_MS")),
    pageSize: Number(need("BENCH_PAGE_SIZE")),
    ceiling: Number(need("BENCH_CEILING")),
  };
}

/**
 * Pages through the window exactly as the sync does (same cursor, same re-anchoring), yielding
 * each page's parsed JSON body and how long its request + JSON.parse took.
 */
export async function* windowPages(w: WindowSpec): AsyncGenerator<{ body: { data: Record<string, unknown>[]; total: number }; ms: number }> {
  let cursor = startCursor(w.fromMs, w.toMs, w.ceiling);
  for (;;) {
    const t0 = performance.now();
    const req: PageRequest = pageRequest(cursor, w.pageSize);
    const q = new URLSearchParams({ from: req.from, to: req.to, type: "userActivity", limit: String(req.limit), offset: String(req.offset) });
    const res = await fetch(`${w.activityUrl}?${q.toString()}`, { headers: { authorization: `Bearer ${w.token}`, accept: "application/json" } });
    const text = await res.text();
    if (res.status === 400 && req.offset > 0) {
      const step = offsetRefused(cursor);
      if (step.kind !== "next") throw new Error("stuck");
      cursor = step.cursor;
      continue;
    }
    if (res.status !== 200) throw new Error(`activityLogging answered ${res.status}: ${text.slice(0, 200)}`);
    const body = JSON.parse(text) as { data: Record<string, unknown>[]; total: number };
    const ms = performance.now() - t0;
    yield { body, ms };
    const last = body.data.at(-1);
    const step = advanceCursor(
      cursor,
      { count: body.data.length, total: body.total, lastRowTime: typeof last?.requestTime === "string" ? last.requestTime : null },
      w.pageSize,
    );
    if (step.kind === "done") return;
    if (step.kind === "stuck") throw new Error(step.problem);
    cursor = step.cursor;
  }
}

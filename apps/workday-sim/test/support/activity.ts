import { connect, register, activityUrl, apiGet, type Registered, type Tokens } from "./sim";
import type { RunningSimulator } from "../../src/index";

export interface ActivityPage {
  data: Record<string, unknown>[];
  total: number;
}

/** A connected client of `tenant` and a function to call activityLogging with it. */
export async function activityClient(sim: RunningSimulator, tenant = "acme") {
  const reg: Registered = await register(sim, tenant);
  const tokens: Tokens = await connect(reg);
  const query = (params: Record<string, string>) => apiGet<ActivityPage>(activityUrl(reg, params), tokens.access_token);
  return { reg, tokens, query };
}

/** Fetches every row of a window, page by page, checking that total never changes. */
export async function allRows(query: (p: Record<string, string>) => Promise<{ status: number; json: ActivityPage }>, from: string, to: string, limit: number) {
  const rows: Record<string, unknown>[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += limit) {
    const res = await query({ from, to, limit: String(limit), offset: String(offset) });
    if (res.status !== 200) throw new Error(`page at ${offset}: ${res.status}`);
    totals.add(res.json.total);
    rows.push(...res.json.data);
    if (offset + res.json.data.length >= res.json.total || res.json.data.length === 0) break;
  }
  return { rows, totals: [...totals] };
}

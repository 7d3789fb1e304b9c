// How the simulator's activityLogging scales with the size of the log: the same page is fetched
// from tenants holding 10,000 and 1,000,000 events, at the first and at a deep offset. Prints
// ratios against the small-log baseline measured in the same run (no absolute time is asserted).
import { startSimulator } from "@wc/workday-sim";
import { issueToken } from "./src/sim-consent";

const ROUNDS = Number(process.argv[2] ?? 200);

async function tokenFor(url: string, tenant: string): Promise<{ token: string; api: string }> {
  const { token, client } = await issueToken(url, tenant);
  return { token, api: client.restApiEndpoint.replace("/api/v1/", "/api/privacy/v1/") };
}

async function timePages(api: string, token: string, offset: number): Promise<number> {
  const from = "2000-01-01T00:00:00Z";
  const to = "2100-01-01T00:00:00Z";
  const started = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) {
    const res = await fetch(`${api}/activityLogging?from=${from}&to=${to}&limit=1000&offset=${offset}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`activityLogging answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const s = await startSimulator({ port: 0 });
try {
  const put = (tenant: string, events: number) =>
    fetch(`${s.url}/_sim/api/tenants/${tenant}/activity`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ events, days: 7 }),
    });
  await put("acme", 10_000);
  await put("acme_sandbox", 1_000_000);
  const small = await tokenFor(s.url, "acme");
  const large = await tokenFor(s.url, "acme_sandbox");
  // Warm-up (JIT, connection pool) so the baseline is not paying for it.
  await timePages(small.api, small.token, 0);
  await timePages(large.api, large.token, 9000);
  const baseline = await timePages(small.api, small.token, 0);
  const largeFirst = await timePages(large.api, large.token, 0);
  const largeDeep = await timePages(large.api, large.token, 9000);
  console.log(`pages of 1000 rows, ${ROUNDS} rounds each`);
  console.log(`baseline  10k events, offset 0     ${(baseline / ROUNDS).toFixed(2)} ms/page`);
  console.log(`1M events, offset 0                ratio ${(largeFirst / baseline).toFixed(2)}`);
  console.log(`1M events, offset 9000             ratio ${(largeDeep / baseline).toFixed(2)}`);
} finally {
  await s.close();
}

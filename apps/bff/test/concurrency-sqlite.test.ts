import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorResponseSchema, routes } from "@wc/contracts";
import { createUser } from "../src/auth/users";
import { openSqliteStore } from "../src/store/sqlite-store";
import type { Store } from "../src/store/types";
import { backfillWindow, expectStoredExactly, simKeys } from "./activity-fixture";
import { ACCOUNTS, type Sent } from "./harness";
import { connect, preparedConnector, registerClient, simApi, startStack } from "./sim-fixture";

/**
 * The embedded default under load: a file database with the activity writer thread committing
 * backfill pages while browsers sign in, save wizard steps, read pages and finish a consent.
 * Before every transaction took the write lock at BEGIN, about half the sign-ins here answered
 * 500 "database is locked".
 */
const CLIENTS = 12;
const MIN_REQUESTS_DURING_BACKFILL = 500;
const EVENTS = 120_000;

let dir: string;
let store: Store;
let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "wc-concurrency-"));
  store = openSqliteStore(path.join(dir, "console.db"));
  for (const role of ["admin", "support"] as const) await createUser({ store, now: () => new Date() }, { ...ACCOUNTS[role], role });
  stack = await startStack({ store, startSyncAfterConsent: true, outboundTimeoutMs: 5000, activity: { pageSize: 1000 } });
  await simApi(stack.sim, "PUT", "/tenants/acme/activity", { events: EVENTS, days: 8 });
});
afterAll(async () => {
  await stack.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Seeded, so a failing mix can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Answer {
  what: string;
  status: number;
  allowed: number[];
  body: string;
  duringBackfill: boolean;
}

describe("SQLite under concurrent use during a backfill", () => {
  it("when a sign-in, a wizard save, page reads and a consent callback arrive while a backfill commits pages, then none answers 5xx and the backfill stores exactly Workday's rows", async () => {
    const { bff, sim } = stack;
    const synced = await preparedConnector(bff, sim, "acme", { name: "Synced" });
    const consenting = await preparedConnector(bff, sim, "acme_sandbox", { name: "Consenting" });
    const draft = connectorResponseSchema.parse((await bff.client.post(routes.connectors, { name: "Draft" })).json()).connector;
    const draftClient = await registerClient(sim, "globex_impl", draft.redirectUri);
    // Pages come slowly enough that the backfill spans the whole mix on a fast machine too.
    await simApi(sim, "POST", "/faults", { route: "activityLogging", kind: "latency", latencyMs: 15, count: 10_000 });
    await connect(bff.client, synced.connector.id);
    const id = synced.connector.id;
    const backfilling = () => bff.activity.isRunning(id);
    expect(backfilling()).toBe(true);

    const answers: Answer[] = [];
    let duringBackfill = 0;
    let consentBusy = false;
    let seq = 0;
    const record = (what: string, res: Sent, allowed: number[], during: boolean) => {
      answers.push({ what, status: res.status, allowed, body: res.text.slice(0, 300), duringBackfill: during });
      if (during) duringBackfill++;
    };

    const admin = await bff.signedIn("admin");
    const support = await bff.signedIn("support");
    const mix: { weight: number; run: (c: number) => Promise<[string, Sent, number[]][]> }[] = [
      {
        weight: 3,
        run: async () => [
          ["sign-in", await bff.newClient().post(routes.signIn, { email: ACCOUNTS.support.email, password: ACCOUNTS.support.password }), [200]],
        ],
      },
      // Wrong passwords on throwaway addresses: counted towards each address's lockout, never a 500.
      {
        weight: 2,
        run: async (c) => [
          ["failed sign-in", await bff.newClient().post(routes.signIn, { email: `nobody-${c}@example.com`, password: "wrong-password-123" }), [401, 429]],
        ],
      },
      {
        weight: 2,
        run: async () => [
          ["wizard save", await admin.patch(routes.connectorWizard(draft.id), { wizardStep: "register", prerequisites: { system_auditing: true } }), [200]],
        ],
      },
      {
        weight: 1,
        run: async () => [
          [
            "details save",
            await admin.put(routes.connectorDetails(draft.id), {
              clientId: draftClient.clientId,
              clientSecret: draftClient.clientSecret,
              restApiEndpoint: draftClient.restApiEndpoint,
              tokenEndpoint: draftClient.tokenEndpoint,
              authorizationEndpoint: draftClient.authorizationEndpoint,
              samlSso: true,
            }),
            [200],
          ],
        ],
      },
      { weight: 1, run: async () => [["create connector", await admin.post(routes.connectors, { name: `Load ${seq++}` }), [201]]] },
      { weight: 3, run: async () => [["connector list", await support.get(routes.connectors), [200]]] },
      { weight: 3, run: async () => [["connector", await support.get(routes.connector(id)), [200]]] },
      { weight: 3, run: async () => [["activity", await support.get(`${routes.connectorActivity(id)}?pageSize=50`), [200]]] },
      { weight: 2, run: async () => [["activity across connectors", await support.get(`${routes.activity}?pageSize=50&action=WRITE`), [200]]] },
      { weight: 2, run: async () => [["sync status", await support.get(routes.connectorSync(id)), [200]]] },
      { weight: 1, run: async () => [["audit log", await admin.get(`${routes.audit}?limit=20`), [200]]] },
      {
        weight: 1,
        run: async () => {
          if (consentBusy) return [["session", await support.get(routes.session), [200]]];
          consentBusy = true;
          try {
            const { res } = await connect(admin, consenting.connector.id);
            return [["consent callback", res, [303]]];
          } finally {
            consentBusy = false;
          }
        },
      },
    ];
    const total = mix.reduce((n, m) => n + m.weight, 0);
    const pick = (r: number) => {
      let x = r * total;
      for (const m of mix) if ((x -= m.weight) < 0) return m;
      return mix[0] ?? { weight: 0, run: async () => [] };
    };

    let resyncs = 0;
    const worker = async (c: number) => {
      const random = prng(1000 + c);
      while (duringBackfill < MIN_REQUESTS_DURING_BACKFILL) {
        if (!backfilling()) {
          // Keep the writer busy: a re-sync of the first window commits every page again.
          const w = await backfillWindow(store, id).catch(() => null);
          if (w && !backfilling()) {
            const res = await admin.post(routes.connectorResync(id), { from: w.from, to: w.coveredUntil });
            record("re-sync", res, [202, 409], false);
            resyncs++;
          }
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        for (const [what, res, allowed] of await pick(random()).run(c)) record(what, res, allowed, backfilling());
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => worker(c)));
    await simApi(sim, "DELETE", "/faults");
    await bff.activity.whenIdle();

    const serverErrors = answers.filter((a) => a.status >= 500);
    expect(serverErrors, "no 5xx").toEqual([]);
    const unexpected = answers.filter((a) => !a.allowed.includes(a.status));
    expect(unexpected, "every answer as designed").toEqual([]);
    expect(duringBackfill).toBeGreaterThanOrEqual(MIN_REQUESTS_DURING_BACKFILL);
    expect(new Set(answers.map((a) => a.what))).toEqual(
      new Set([
        "sign-in",
        "failed sign-in",
        "wizard save",
        "details save",
        "create connector",
        "connector list",
        "connector",
        "activity",
        "activity across connectors",
        "sync status",
        "audit log",
        "consent callback",
        "session",
        ...(resyncs > 0 ? ["re-sync"] : []),
      ]),
    );
    expect(bff.logs.filter((l) => l.includes("database is locked") || l.includes('"level":50'))).toEqual([]);

    const w = await backfillWindow(store, id);
    const expected = simKeys(sim, "acme", w.from, w.coveredUntil);
    expect(expected.size).toBeGreaterThanOrEqual(100_000);
    await expectStoredExactly(store, id, expected);
    console.log(`concurrency: ${answers.length} answers (${duringBackfill} during a backfill, ${resyncs} re-syncs), ${expected.size} rows, ${CLIENTS} clients`);
  }, 180_000);
});

import { describe, expect, it } from "vitest";
import {
  CONNECTOR_SORTS,
  STATUS_SORT_ORDER,
  connectorListQuerySchema,
  type ConnectorListQuery,
  type ConnectorSort,
  type ConnectorStatus,
  type ListConnectorsResponse,
} from "@wc/contracts";
import { listConnectorsPage } from "../src/connectors/connector-list";
import type { ConnectorRecord, Store } from "../src/store/types";
import { connectorRecord } from "./connector-record";

type Order = "asc" | "desc";
type Listed = Pick<ConnectorRecord, "id" | "name" | "status" | "tenant" | "environment" | "lastSuccessAt">;

// Case, accents, punctuation, LIKE's own wildcards and equal times: where engines could disagree.
const NAMES = [
  "Acme production",
  "acme sandbox",
  "ACME-impl",
  "Acme_test",
  "Acme%done",
  "beta",
  "Béta two",
  "Zeta",
  "zeta 2",
  "émile",
  "Ørsted",
  "Globex ✓",
  "globex",
  "Initech",
  "initech 01",
  "Initech 1",
  "Hooli",
  "Umbrella",
  "Stark",
  "Wayne",
  "  spaced",
  "[brackets]",
  "0 numbers",
  "Ω omega",
  "Soylent",
  "Tyrell",
  "Cyberdyne",
  "Wonka",
  "Vandelay",
  "Pied Piper",
];
const TIMES = [null, "2026-11-29T10:00:00.000Z", "2026-11-29T10:00:00.000Z", "2026-11-28T09:00:00.000Z", "2026-11-30T23:59:59.999Z"];

const seeded = (i: number, name: string): ConnectorRecord =>
  connectorRecord(`id-${String((i * 7919) % 1000).padStart(3, "0")}`, {
    name,
    status: STATUS_SORT_ORDER[i % STATUS_SORT_ORDER.length] as ConnectorStatus,
    tenant: i % 4 === 0 ? null : i % 4 === 1 ? `acme_impl${i}` : `T${i}_ACME`,
    environment: i % 3 === 0 ? null : i % 3 === 1 ? "production" : "sandbox",
    lastSuccessAt: TIMES[i % TIMES.length] ?? null,
  });

const keyOf = (c: Listed, sort: ConnectorSort): (string | number)[] => {
  const name = c.name.toLowerCase();
  if (sort === "status") return [STATUS_SORT_ORDER.indexOf(c.status), name, c.id];
  if (sort === "lastSuccess") return [c.lastSuccessAt ?? "", name, c.id];
  return [name, c.id];
};

// Code-unit order, which is SQLite's BINARY order (and PostgreSQL's "C") for these names: none is outside the BMP.
function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function expected(all: readonly Listed[], sort: ConnectorSort, order: Order, keep: (c: Listed) => boolean): string[] {
  const sorted = all.filter(keep).sort((a, b) => compareKeys(keyOf(a, sort), keyOf(b, sort)));
  return (order === "asc" ? sorted : sorted.reverse()).map((c) => c.id);
}

const page = (s: Store, q: ConnectorListQuery): Promise<ListConnectorsResponse> => listConnectorsPage(s, connectorListQuerySchema.parse(q));

/** Every page from the first by Next, and the pages read back by Previous from the last. */
async function pageThrough(s: Store, q: ConnectorListQuery, between?: (pageNumber: number) => Promise<void>) {
  const forward: string[][] = [];
  let p = await page(s, q);
  forward.push(p.connectors.map((c) => c.id));
  while (p.nextCursor !== null) {
    await between?.(forward.length);
    p = await page(s, { ...q, cursor: p.nextCursor });
    forward.push(p.connectors.map((c) => c.id));
    if (forward.length > 200) throw new Error("the list never ended");
  }
  const backward: string[][] = [forward.at(-1) ?? []];
  while (p.prevCursor !== null) {
    p = await page(s, { ...q, cursor: p.prevCursor });
    backward.unshift(p.connectors.map((c) => c.id));
    if (backward.length > 200) throw new Error("the list never began");
  }
  return { forward, backward, total: p.total };
}

const FILTERS: { label: string; query: ConnectorListQuery; keep: (c: Listed) => boolean }[] = [
  { label: "no filter", query: {}, keep: () => true },
  {
    label: "two statuses",
    query: { status: "relink_needed,action_required" },
    keep: (c) => c.status === "relink_needed" || c.status === "action_required",
  },
  { label: "an environment", query: { environment: "sandbox" }, keep: (c) => c.environment === "sandbox" },
  {
    label: "a search in any case, in names and tenants",
    query: { q: "ACME" },
    keep: (c) => c.name.toLowerCase().includes("acme") || (c.tenant ?? "").toLowerCase().includes("acme"),
  },
  { label: "a search for LIKE's wildcard", query: { q: "%" }, keep: (c) => c.name.includes("%") },
  { label: "a search for LIKE's one-character wildcard", query: { q: "e_t" }, keep: (c) => c.name.toLowerCase().includes("e_t") },
  {
    label: "status, environment and search together",
    query: { status: "connected,degraded,relink_needed", environment: "production", q: "e" },
    keep: (c) =>
      ["connected", "degraded", "relink_needed"].includes(c.status) &&
      c.environment === "production" &&
      (c.name.toLowerCase().includes("e") || (c.tenant ?? "").toLowerCase().includes("e")),
  },
];

/** The connectors list every store must page the same way; part of describeStoreContract. */
export function describeConnectorListContract(engine: string, open: () => Promise<Store>) {
  const created = { at: "2026-11-29T10:00:00.000Z", from: null, to: "connected" as const, reasonCode: null, actor: "tester" };
  const seed = async (s: Store) => {
    const all = NAMES.map((name, i) => seeded(i, name));
    for (const c of all) await s.insertConnector(c, created);
    return all;
  };

  describe(`${engine} connectors list`, () => {
    it("when every sort, order and filter is paged through both ways, then each matching connector comes exactly once, in order, and total counts them", async () => {
      const s = await open();
      const all = await seed(s);
      for (const sort of CONNECTOR_SORTS) {
        for (const order of ["asc", "desc"] as const) {
          for (const f of FILTERS) {
            const want = expected(all, sort, order, f.keep);
            const { forward, backward, total } = await pageThrough(s, { ...f.query, sort, order, limit: "4" });
            const what = `${sort} ${order}, ${f.label}`;
            expect(forward.flat(), what).toEqual(want);
            expect(backward, `${what}, read back by Previous`).toEqual(forward);
            expect(total, what).toBe(want.length);
            expect(
              forward.slice(0, -1).every((p) => p.length === 4),
              `${what}: only the last page is short`,
            ).toBe(true);
          }
        }
      }
      await s.close();
    });

    it("when every name is read at once, then each connector comes once, in the order the name sort pages them", async () => {
      const s = await open();
      const all = await seed(s);
      const byName = expected(all, "name", "asc", () => true);
      const nameOf = new Map(all.map((c) => [c.id, c.name]));
      const names = await s.listConnectorNames();
      expect(names.map((c) => c.id)).toEqual(byName);
      expect(names.map((c) => c.name)).toEqual(byName.map((id) => nameOf.get(id)));
      expect(names.every((c) => Object.keys(c).sort().join() === "id,name")).toBe(true);
      await s.close();
    });

    it("when the list is read, then counts hold every status of the whole set whatever the filter, and a page holds only the summary", async () => {
      const s = await open();
      const all = await seed(s);
      const p = await page(s, { status: "degraded", q: "acme", limit: "1" });
      expect(p.connectors).toHaveLength(1);
      for (const status of STATUS_SORT_ORDER) expect(p.counts[status], status).toBe(all.filter((c) => c.status === status).length);
      expect(Object.keys(p.connectors[0] ?? {}).sort()).toEqual(
        ["connectedAt", "createdAt", "environment", "id", "lastSuccessAt", "name", "reasonCode", "status", "tenant", "wizardStep"].sort(),
      );
      await s.close();
    });

    for (const sort of CONNECTOR_SORTS) {
      it(`when connectors are created, renamed, change status or are deleted between page reads (sort ${sort}), then each that kept its place comes exactly once, in order`, async () => {
        const s = await open();
        const all = await seed(s);
        const current = new Map(all.map((c) => [c.id, c]));
        const moved = new Set<string>();
        const removed = new Set<string>();
        const ids = all.map((c) => c.id);
        let made = 0;
        const { forward } = await pageThrough(s, { sort, order: "asc", limit: "3" }, async (n) => {
          const fresh = connectorRecord(`new-${n}`, {
            name: `${n % 2 ? "a" : "z"} new ${n}`,
            status: "degraded",
            lastSuccessAt: n % 2 ? null : "2026-12-01T00:00:00.000Z",
          });
          await s.insertConnector(fresh, created);
          made++;
          // One connector far ahead and one already read: renamed, moved to another status, or deleted.
          for (const id of [ids[(n * 5) % ids.length], ids[(n * 11 + 3) % ids.length]]) {
            if (id === undefined || removed.has(id)) continue;
            const c = current.get(id);
            if (!c) continue;
            if (n % 3 === 0) {
              await s.deleteConnector(id);
              removed.add(id);
            } else {
              const patch = n % 3 === 1 ? { name: `${c.name} renamed ${n}` } : { status: n % 2 ? ("connected" as const) : ("relink_needed" as const) };
              const updated = { ...c, ...patch };
              if (compareKeys(keyOf(c, sort), keyOf(updated, sort)) !== 0) moved.add(id);
              await s.updateConnector(id, patch);
              current.set(id, updated);
            }
          }
        });
        expect(made).toBeGreaterThan(5);
        const listed = forward.flat();
        const stable = all.filter((c) => !moved.has(c.id) && !removed.has(c.id));
        for (const c of stable)
          expect(
            listed.filter((id) => id === c.id),
            `${c.name} listed once`,
          ).toHaveLength(1);
        const stableIds = new Set(stable.map((c) => c.id));
        expect(listed.filter((id) => stableIds.has(id))).toEqual(expected(stable, sort, "asc", () => true));
        await s.close();
      });
    }

    it("when a cursor is sent alone it pages on with its sort and filters; for another sort, order or filter, or not issued by the console, it is refused by name", async () => {
      const s = await open();
      await seed(s);
      const first = await page(s, { sort: "status", limit: "2" });
      await expect(page(s, { sort: "name", cursor: first.nextCursor ?? "" })).rejects.toMatchObject({
        status: 400,
        fields: { cursor: expect.stringMatching(/sort=status&order=asc/) },
      });
      await expect(page(s, { order: "desc", cursor: first.nextCursor ?? "" })).rejects.toMatchObject({ status: 400 });
      expect((await page(s, { cursor: first.nextCursor ?? "", limit: "2" })).connectors).toHaveLength(2);
      const filtered = await page(s, { status: "connected,degraded", q: "E", limit: "2" });
      const alone = await page(s, { cursor: filtered.nextCursor ?? "", limit: "50" });
      expect(alone.total).toBe(filtered.total);
      expect(alone.connectors.every((c) => c.status === "connected" || c.status === "degraded")).toBe(true);
      expect((await page(s, { status: "degraded,connected", q: "E ", cursor: filtered.nextCursor ?? "" })).total).toBe(filtered.total);
      await expect(page(s, { status: "degraded", cursor: filtered.nextCursor ?? "" })).rejects.toMatchObject({
        status: 400,
        fields: { cursor: expect.stringMatching(/other filters/) },
      });
      for (const forged of ["nonsense", Buffer.from(JSON.stringify({ s: "status", o: "asc", d: "next", p: ["x", "y", "z"] })).toString("base64url")]) {
        await expect(page(s, { cursor: forged })).rejects.toMatchObject({
          status: 400,
          fields: { cursor: expect.stringMatching(/not one this server issued/) },
        });
      }
      await s.close();
    });

    it("when Previous is followed after the connectors before the page were deleted, then the first page comes back full", async () => {
      const s = await open();
      const all = await seed(s);
      const first = await page(s, { limit: "5" });
      const second = await page(s, { limit: "5", cursor: first.nextCursor ?? "" });
      for (const c of first.connectors.slice(0, 3)) await s.deleteConnector(c.id);
      const back = await page(s, { limit: "5", cursor: second.prevCursor ?? "" });
      expect(back.prevCursor).toBeNull();
      expect(back.connectors.map((c) => c.id)).toEqual(
        expected(all, "name", "asc", (c) => !first.connectors.slice(0, 3).some((d) => d.id === c.id)).slice(0, 5),
      );
      await s.close();
    });
  });
}

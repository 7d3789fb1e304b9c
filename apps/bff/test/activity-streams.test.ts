import type { ActivityRow } from "@wc/contracts";
import { describe, expect, it } from "vitest";
import { listAcrossConnectors, type ReadConnectors } from "../src/activity/activity-across";
import { pageByConnector, STREAM_LOOKAHEAD_ROWS, streamAcrossConnectors, streamByConnector } from "../src/activity/activity-streams";
import type { ActivityPosition } from "../src/activity/activity-store";
import { seededRandom } from "./seeded-random";

// Pure logic: the merge over connectors, against a reader over rows held in memory that answers as
// the stores' per-connector reads do (the first `limit` rows of the named connectors after `after`,
// before `until`, in the asked order). The stores run the same code on SQLite and PostgreSQL in the
// store contract (test/store-contract.ts).

const keyOf = (r: Pick<ActivityRow, "requestTime" | "connectorId" | "id">) => `${r.requestTime} ${r.connectorId} ${r.id}`;
const posKey = (p: ActivityPosition) => `${p.requestTime} ${p.connectorId} ${p.key}`;

function makeRow(connectorId: string, requestTime: string, id: string): ActivityRow {
  return {
    id,
    connectorId,
    requestTime,
    systemAccount: "acct",
    accountName: null,
    taskId: null,
    taskDisplayName: null,
    activityAction: null,
    ipAddress: null,
    userAgent: null,
    deviceType: null,
    sessionId: null,
    target: null,
  };
}

function memoryReader(rows: ActivityRow[]) {
  const byConnector = new Map<string, ActivityRow[]>();
  for (const r of [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))) {
    byConnector.set(r.connectorId, [...(byConnector.get(r.connectorId) ?? []), r]);
  }
  let reads = 0;
  let returned = 0;
  const read: ReadConnectors = (q, ids, until, perConnector) => {
    reads++;
    const asc = q.order === "asc";
    const after = q.after ? posKey(q.after) : null;
    const before = until ? posKey(until) : null;
    const inRange = (k: string) => (after === null || (asc ? k > after : k < after)) && (before === null || (asc ? k < before : k > before));
    const found = ids.flatMap((id) => {
      const own = (byConnector.get(id) ?? []).filter((r) => inRange(keyOf(r)));
      if (!asc) own.reverse();
      return own.slice(0, perConnector ?? own.length);
    });
    found.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1) * (asc ? 1 : -1));
    const answer = found.slice(0, q.limit);
    returned += answer.length;
    return answer;
  };
  return { read, reads: () => reads, returned: () => returned };
}

const second = (n: number) => new Date(Date.UTC(2026, 2, 1) + n * 1000).toISOString();

/** A stream's rows (as keys) and the size of each chunk it came in. */
async function collected(stream: AsyncIterable<ActivityRow[]>): Promise<{ keys: string[]; chunks: number[] }> {
  const keys: string[] = [];
  const chunks: number[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk.length);
    keys.push(...chunk.map(keyOf));
  }
  return { keys, chunks };
}
const streamed = (...args: Parameters<typeof streamAcrossConnectors>) => collected(streamAcrossConnectors(...args));
const streamedByConnector = (...args: Parameters<typeof streamByConnector>) => collected(streamByConnector(...args));

/** 60 connectors: some without rows, some with many, times colliding across connectors. */
function randomRows(seed: number): { ids: string[]; rows: ActivityRow[] } {
  const next = seededRandom(seed);
  const ids = Array.from({ length: 60 }, (_, i) => `c${String(i).padStart(2, "0")}`);
  const rows = ids.flatMap((id, i) =>
    Array.from({ length: i % 7 === 0 ? 0 : Math.floor(next() * 30) }, (_, k) => makeRow(id, second(Math.floor(next() * 200)), `k${k}`)),
  );
  return { ids, rows };
}

describe("streamAcrossConnectors", () => {
  it("when connectors' rows interleave and share times, then every row comes once, in order, whatever the chunk and group sizes", async () => {
    for (const seed of [1, 2, 3]) {
      const { ids, rows } = randomRows(seed);
      const all = rows.map(keyOf).sort();
      for (const order of ["asc", "desc"] as const) {
        for (const [chunkSize, groupSize] of [
          [1, 1],
          [7, 1],
          [7, 4],
          [50, 200],
          [5000, 1],
        ] as const) {
          const { read } = memoryReader(rows);
          const { keys, chunks } = await streamed({ filter: {}, order }, ids, chunkSize, groupSize, read);
          expect(keys, `seed ${seed}, ${order}, chunk ${chunkSize}, group ${groupSize}`).toEqual(order === "asc" ? all : [...all].reverse());
          // Every chunk but the last is full.
          expect(chunks.slice(0, -1).every((n) => n === chunkSize)).toBe(true);
        }
      }
    }
  });

  it("when there are no connectors or no rows, then nothing is streamed", async () => {
    const { read } = memoryReader([]);
    expect((await streamed({ filter: {}, order: "asc" }, [], 10, 1, read)).keys).toEqual([]);
    expect((await streamed({ filter: {}, order: "asc" }, ["a", "b"], 10, 1, read)).keys).toEqual([]);
  });

  it("when 2,000 connectors each hold one hour of rows, then the stream asks about each connector about once, not once per chunk", async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `c${String(i).padStart(4, "0")}`);
    // Connector i's 20 rows lie in its own hour: 40,000 rows, 40 chunks of 1,000.
    const rows = ids.flatMap((id, i) => Array.from({ length: 20 }, (_, k) => makeRow(id, second(i * 3600 + k * 60), `k${String(k).padStart(2, "0")}`)));
    const streamedRows = memoryReader(rows);
    const { keys } = await streamed({ filter: {}, order: "asc" }, ids, 1000, 1, streamedRows.read);
    expect(keys).toEqual(rows.map(keyOf).sort());
    // Every connector is asked once where it starts; then each chunk reads the ~50 its rows come
    // from and asks the one it ended inside where it resumes.
    expect(streamedRows.reads()).toBeLessThanOrEqual(2000 + 40 * 53);
    // Paging chunk after chunk instead asks all 2,000 for each of the 40 chunks.
    const paged = memoryReader(rows);
    let after: ActivityPosition | undefined;
    for (let n = 0; n < 40; n++) {
      const page = await listAcrossConnectors({ filter: {}, order: "asc", limit: 1000, ...(after ? { after } : {}) }, ids, 1, paged.read);
      const last = page.at(-1) as ActivityRow;
      after = { requestTime: last.requestTime, connectorId: last.connectorId, key: last.id };
    }
    expect(paged.reads()).toBe(2000 * 40);
  });

  it("when every connector has a row in every chunk (busy tenants, rows interleaved in time), then the stream reads about once per row per connector, not every connector per chunk", async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `c${String(i).padStart(4, "0")}`);
    // Row k of connector i at second k * 1000 + i: each chunk of 100 rows holds 100 connectors' rows.
    const rows = ids.flatMap((id, i) => Array.from({ length: 20 }, (_, k) => makeRow(id, second(k * 1000 + i), `k${String(k).padStart(2, "0")}`)));
    const streamedRows = memoryReader(rows);
    const { keys } = await streamed({ filter: {}, order: "desc" }, ids, 100, 1, streamedRows.read);
    expect(keys).toEqual(rows.map(keyOf).sort().reverse());
    // 1,000 to learn where each starts, then one read per row its connector adds to a chunk, and one
    // that finds each connector done: 22,000.
    expect(streamedRows.reads()).toBeLessThanOrEqual(1000 + 20_000 + 1000);
    // Paging asks all 1,000 connectors for each of the 200 chunks: 200,000.
  });
});

describe("streamByConnector", () => {
  it("when connectors' rows interleave and share times, then every row comes once, in order, in full chunks", async () => {
    for (const seed of [4, 5, 6]) {
      const { ids, rows } = randomRows(seed);
      const all = rows.map(keyOf).sort();
      for (const order of ["asc", "desc"] as const) {
        for (const chunkSize of [1, 7, 5000]) {
          const { read } = memoryReader(rows);
          const { keys, chunks } = await streamedByConnector({ filter: {}, order }, ids, chunkSize, read);
          expect(keys, `seed ${seed}, ${order}, chunk ${chunkSize}`).toEqual(order === "asc" ? all : [...all].reverse());
          expect(chunks.slice(0, -1).every((n) => n === chunkSize)).toBe(true);
        }
      }
    }
    const { read } = memoryReader([]);
    expect((await streamedByConnector({ filter: {}, order: "asc" }, ["a", "b"], 10, read)).keys).toEqual([]);
  });

  it("when 2,000 busy connectors' rows interleave, then it reads each connector a few rows ahead: reads per row fall with the lookahead, and no more rows are held than it allows", async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `c${String(i).padStart(4, "0")}`);
    const rows = ids.flatMap((id, i) => Array.from({ length: 30 }, (_, k) => makeRow(id, second(k * 2000 + i), `k${String(k).padStart(2, "0")}`)));
    const perRead = STREAM_LOOKAHEAD_ROWS / ids.length;
    let largest = 0;
    const counted = memoryReader(rows);
    const read: ReadConnectors = (q, ids_, until, perConnector) => {
      largest = Math.max(largest, q.limit);
      return counted.read(q, ids_, until, perConnector);
    };
    const { keys } = await streamedByConnector({ filter: {}, order: "asc" }, ids, 1000, read);
    expect(keys).toEqual(rows.map(keyOf).sort());
    expect(largest).toBe(perRead);
    // 60,000 rows, 10 read ahead: each connector's 30 rows in 3 reads and one that finds the end.
    expect(counted.reads()).toBe(2000 * (30 / perRead + 1));
  });
});

describe("pageByConnector", () => {
  it("when pages are asked by offset or after a position, in either order, then each is the reference's slice", async () => {
    for (const seed of [7, 8, 9]) {
      const { ids, rows } = randomRows(seed);
      const all = rows.map(keyOf).sort();
      for (const order of ["asc", "desc"] as const) {
        const sorted = order === "asc" ? all : [...all].reverse();
        const { read } = memoryReader(rows);
        for (const [offset, limit] of [
          [0, 1],
          [0, 50],
          [3, 7],
          [49, 50],
          [all.length - 2, 50],
          [all.length + 5, 50],
        ] as const) {
          const page = await pageByConnector({ filter: {}, order, limit, offset }, ids, read);
          expect(page.map(keyOf), `seed ${seed}, ${order}, offset ${offset}, limit ${limit}`).toEqual(sorted.slice(offset, offset + limit));
        }
        // Keyset: each page after the last row of the one before walks the whole set once.
        const walked: string[] = [];
        let after: ActivityPosition | undefined;
        for (;;) {
          const page = await pageByConnector({ filter: {}, order, limit: 13, ...(after ? { after } : {}) }, ids, read);
          walked.push(...page.map(keyOf));
          const last = page.at(-1);
          if (!last) break;
          after = { requestTime: last.requestTime, connectorId: last.connectorId, key: last.id };
        }
        expect(walked, `seed ${seed}, ${order}, keyset`).toEqual(sorted);
      }
    }
  });

  it("when connectors come in the order of their rows (ids follow creation, older connectors older rows), then a page reads about one row per connector, where bounding each read by the page's worst reads a page from each", async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `c${String(i).padStart(4, "0")}`);
    // Each connector in its own stretch of time, in id order: read newest first, every connector
    // visited is newer than all before it.
    const rows = ids.flatMap((id, i) => Array.from({ length: 30 }, (_, k) => makeRow(id, second(i * 30 + k), `k${String(k).padStart(2, "0")}`)));
    const newest = rows.map(keyOf).sort().reverse().slice(0, 50);
    const paged = memoryReader(rows);
    const page = await pageByConnector({ filter: {}, order: "desc", limit: 50 }, ids, paged.read);
    expect(page.map(keyOf)).toEqual(newest);
    expect(paged.reads()).toBeLessThanOrEqual(2000 + 50);
    expect(paged.returned()).toBeLessThanOrEqual(2000 + 2 * 50);
    const bounded = memoryReader(rows);
    expect((await listAcrossConnectors({ filter: {}, order: "desc", limit: 50 }, ids, 1, bounded.read)).map(keyOf)).toEqual(newest);
    expect(bounded.returned()).toBeGreaterThanOrEqual(2000 * 30 * 0.9);
  });

  it("when the first connectors read hold the newest rows, then every later connector is probed once, returns nothing and is left out", async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `c${String(i).padStart(4, "0")}`);
    // The first 50 connectors in id order hold 100 rows each, all newer than every later connector's 10.
    const rows = ids.flatMap((id, i) =>
      Array.from({ length: i < 50 ? 100 : 10 }, (_, k) => makeRow(id, second(i < 50 ? 1_000_000 + k * 50 + i : i * 10 + k), `k${String(k).padStart(3, "0")}`)),
    );
    const counted = memoryReader(rows);
    const page = await pageByConnector({ filter: {}, order: "desc", limit: 50 }, ids, counted.read);
    expect(page.map(keyOf)).toEqual(rows.map(keyOf).sort().reverse().slice(0, 50));
    expect(counted.reads()).toBeLessThanOrEqual(2000 + 50);
    // 50 first rows, then each of those 50 connectors read ahead once (STREAM_LOOKAHEAD_ROWS / 2,000
    // rows): the 1,950 others' reads find nothing.
    expect(counted.returned()).toBeLessThanOrEqual(50 + 50 * (STREAM_LOOKAHEAD_ROWS / 2000));
  });
});

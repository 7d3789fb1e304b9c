import { afterAll, beforeAll, describe, it } from "vitest";
import { openPgStore } from "../src/store/pg-store";
import type { Store } from "../src/store/types";
import { startBff, type Harness } from "./harness";
import { pgTestDatabase } from "./pg-test-database";

/**
 * `body` once against a BFF on the default SQLite store and once on a fresh PostgreSQL schema
 * when the tests have a cluster (WC_TEST_DATABASE_URL; scripts/test starts one). PostgreSQL
 * refuses what SQLite takes (a NUL in text) and really overlaps requests (a pool of connections),
 * so HTTP behaviour that depends on the store is checked on both. `bff()` is the suite's harness
 * once its beforeAll has run.
 */
export function describeEachEngine(title: string, body: (bff: () => Harness) => void): void {
  const suite = (engine: string, store: () => Promise<Store | undefined>) =>
    describe(`${engine}: ${title}`, () => {
      let h: Harness | undefined;
      let own: Store | undefined;
      beforeAll(async () => {
        own = await store();
        h = await startBff(own ? { store: own, freshStore: true } : {});
      });
      afterAll(async () => {
        await h?.close();
        await own?.close();
      });
      body(() => {
        if (!h) throw new Error("the harness starts in beforeAll");
        return h;
      });
    });

  suite("SQLite", () => Promise.resolve(undefined));
  const url = process.env.WC_TEST_DATABASE_URL;
  if (!url) {
    describe.skip(`PostgreSQL: ${title}: set WC_TEST_DATABASE_URL=postgres://… to run (scripts/lib/postgres.sh starts a throwaway cluster)`, () => {
      it("needs a database", () => undefined);
    });
    return;
  }
  const db = pgTestDatabase(url);
  afterAll(() => db.dispose());
  suite("PostgreSQL", async () => openPgStore(await db.freshSchemaUrl()));
}

import { randomBytes } from "node:crypto";
import { Pool } from "pg";

/** A fresh schema in the PostgreSQL at WC_TEST_DATABASE_URL, as a URL whose search_path points at it. */
export async function freshSchemaUrl(): Promise<string> {
  const base = process.env.WC_TEST_DATABASE_URL;
  if (!base) throw new Error("--postgres needs WC_TEST_DATABASE_URL (pnpm bench:backfill:pg starts a throwaway cluster)");
  const name = `wc_bench_${randomBytes(4).toString("hex")}`;
  const admin = new Pool({ connectionString: base, max: 1 });
  await admin.query(`CREATE SCHEMA ${name}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${name}`);
  return url.toString();
}

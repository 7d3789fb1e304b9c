import { randomBytes } from "node:crypto";
import { Pool } from "pg";

/**
 * Fresh, isolated places inside the PostgreSQL at WC_TEST_DATABASE_URL: a schema per store (the
 * store finds it through search_path in the URL), or a whole database. All dropped by dispose().
 */
export function pgTestDatabase(baseUrl: string) {
  const admin = new Pool({ connectionString: baseUrl, max: 1 });
  const schemas: string[] = [];
  const databases: string[] = [];
  const uniqueName = () => `wc_test_${randomBytes(6).toString("hex")}`;

  return {
    async freshSchemaUrl(): Promise<string> {
      const name = uniqueName();
      await admin.query(`CREATE SCHEMA ${name}`);
      schemas.push(name);
      const url = new URL(baseUrl);
      url.searchParams.set("options", `-c search_path=${name}`);
      return url.toString();
    },
    async freshDatabaseUrl(): Promise<string> {
      const name = uniqueName();
      await admin.query(`CREATE DATABASE ${name}`);
      databases.push(name);
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async dispose(): Promise<void> {
      for (const s of schemas) await admin.query(`DROP SCHEMA ${s} CASCADE`);
      // FORCE: a test that failed half-way may have left a connection open.
      for (const d of databases) await admin.query(`DROP DATABASE ${d} WITH (FORCE)`);
      await admin.end();
    },
  };
}

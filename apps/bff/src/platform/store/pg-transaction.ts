import type { Pool, PoolClient } from "pg";

/** Runs `fn` on one connection between BEGIN and COMMIT; any throw rolls back. */
export async function inTransaction<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    try {
      await client.query("ROLLBACK");
    } catch {
      // A connection that cannot even roll back is not fit to return to the pool.
      broken = true;
    }
    throw e;
  } finally {
    client.release(broken);
  }
}

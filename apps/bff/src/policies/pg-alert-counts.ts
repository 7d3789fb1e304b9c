import type { Pool } from "pg";

/**
 * Moves the count changes writers appended (alert_count_changes, migration 22) into the kept counts
 * (alert_counts), in one statement: a count reading both never sees a fold half done. Changes
 * committed after the statement began stay for the next fold. Writers only append, and a fold
 * touches no alert, so neither ever waits for the other. Of two folds at once, the second waits for
 * the rows the first deletes and then skips them; both upsert in key order, so they cannot deadlock.
 */
const FOLD = `WITH moved AS (DELETE FROM alert_count_changes RETURNING connector_id, policy_id, severity, status, n)
  INSERT INTO alert_counts (connector_id, policy_id, severity, status, n)
  SELECT connector_id, policy_id, severity, status, sum(n) FROM moved GROUP BY connector_id, policy_id, severity, status
  ORDER BY connector_id, policy_id, severity, status
  ON CONFLICT (connector_id, policy_id, severity, status) DO UPDATE SET n = alert_counts.n + excluded.n`;

/** Counts at zero are summed away; removing them keeps a deleted connector's from staying forever. */
const DROP_ZEROS = "DELETE FROM alert_counts WHERE n = 0";

/** Folds the appended changes into the kept counts (run with the hourly alert prune); how many changes it moved. */
export async function foldAlertCounts(pool: Pick<Pool, "query">): Promise<number> {
  const moved = (await pool.query(FOLD)).rowCount ?? 0;
  if (moved > 0) await pool.query(DROP_ZEROS);
  return moved;
}

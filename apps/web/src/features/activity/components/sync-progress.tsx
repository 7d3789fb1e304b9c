import type { SyncProgress } from "@wc/contracts";
import { useId } from "react";
import { DateTime } from "../../../components/ui/date-time";
import { formatCount } from "../../../lib/numbers";
import { coveredFraction, describeSpan } from "../sync-text";

/** A running backfill or re-sync: how much of its window is stored, and how fast rows arrive. */
export function SyncProgressView({ progress }: { progress: SyncProgress }) {
  const id = useId();
  const backfill = progress.kind === "backfill";
  return (
    <div className="sync-progress">
      <p id={`${id}-label`} className="sync-progress-label">
        {backfill ? "Backfill progress" : "Re-sync progress"}
      </p>
      <progress aria-labelledby={`${id}-label`} aria-describedby={`${id}-text`} max={1} value={coveredFraction(progress)} />
      <p id={`${id}-text`}>
        {backfill ? "Backfilling" : "Re-syncing"} {describeSpan(progress.from, progress.to)}: {formatCount(progress.rows)} rows so far ·{" "}
        {formatCount(progress.rowsPerSecond)} rows/s · covered until <DateTime value={progress.coveredUntil} />
      </p>
    </div>
  );
}

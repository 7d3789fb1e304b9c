import type { SyncStatus } from "@wc/contracts";
import { RelativeTime } from "../../../components/ui/relative-time";
import { reasonTitle, TroubleshootingEntry } from "../../../components/ui/troubleshooting-entry";
import { blockedAdvice } from "../sync-text";

/** The sync's state in a few words (the progress bar speaks for a running backfill). */
export function phaseWords(sync: SyncStatus): string {
  switch (sync.phase) {
    case "idle":
      return "Not syncing (connect first)";
    case "backfilling":
      return "";
    case "polling":
      return "Fetching new activity…";
    case "waiting":
      return "Up to date";
    case "retrying":
      return "Retrying after a Workday error";
    case "blocked":
      return `Sync paused: ${blockedAdvice(sync.lastError?.reasonCode ?? null)}`;
  }
}

/** A failed attempt's reason: for a retry the reason and when it is tried again; for a pause what to do. */
export function SyncPhaseDetails({ sync }: { sync: SyncStatus }) {
  const error = sync.lastError;
  if (sync.phase === "retrying") {
    return (
      <>
        {error ? (
          <p>
            Reason: {reasonTitle(error.reasonCode)} (<code>{error.reasonCode}</code>){error.detail ? `. Workday said: ${error.detail}` : ""}
          </p>
        ) : null}
        {sync.nextSyncAt ? (
          <p>
            Next attempt <RelativeTime value={sync.nextSyncAt} />.
          </p>
        ) : null}
      </>
    );
  }
  if (sync.phase === "blocked" && error) {
    return (
      <>
        <p>
          Reason code: <code>{error.reasonCode}</code>
        </p>
        <TroubleshootingEntry reasonCode={error.reasonCode} detail={error.detail} heading="h3" />
      </>
    );
  }
  return null;
}

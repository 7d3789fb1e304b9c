import { Link } from "react-router";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { paths } from "../../../config/paths";
import { usePollWhile } from "../../../lib/use-poll-while";
import type { SyncLoad } from "../load-sync";
import { isSyncRunning } from "../sync-text";
import { SyncFacts } from "./sync-facts";
import { phaseWords, SyncPhaseDetails } from "./sync-phase";
import { SyncProgressView } from "./sync-progress";
import { ResyncForm } from "./resync-form";
import { SyncSettingsForm } from "./sync-settings-form";

/** How often the page re-reads the status while rows are being fetched. */
export const SYNC_POLL_MS = 2000;

interface Props {
  connectorId: string;
  /** From the connector route's loader, which the section re-runs while a sync is running. */
  load: SyncLoad;
  canEdit: boolean;
}

/** The connector's activity sync: live progress while it runs, how fresh the stored rows are otherwise. */
export function SyncSection({ connectorId, load, canEdit }: Props) {
  const { sync } = load;
  usePollWhile(sync !== null && isSyncRunning(sync.phase), SYNC_POLL_MS, load);
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">User activity</h2>
      {load.error ? <ProblemMessage message={`The sync status could not be read. ${load.error.message}`} requestId={load.error.requestId} /> : null}
      {sync ? (
        <>
          <p role="status" className="sync-phase">
            {phaseWords(sync) ? <strong>{phaseWords(sync)}</strong> : null}
          </p>
          <SyncPhaseDetails sync={sync} />
          {sync.phase === "backfilling" && sync.progress ? <SyncProgressView progress={sync.progress} /> : <SyncFacts sync={sync} />}
        </>
      ) : null}
      <p>
        <Link to={paths.connectorActivity.getHref(connectorId)}>View activity</Link>
      </p>
      {canEdit && sync ? (
        <div className="sync-forms">
          <SyncSettingsForm settings={sync.settings} />
          <ResyncForm />
        </div>
      ) : null}
    </section>
  );
}

import { HANDOFF_MESSAGE_TYPE, pages, type HandoffMessage } from "@wc/contracts";
import { useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { PageTitle } from "../../../components/ui/page-title";
import { TroubleshootingEntry } from "../../../components/ui/troubleshooting-entry";
import { heldCredential, holdResultTicket, takeCredentialFromUrl } from "../credential";
import { REFUSED } from "../use-handoff-consent";

const OUTCOMES = new Set(["success", "error", "refused"]);

function isWindowLike(value: unknown): value is Window {
  return typeof value === "object" && value !== null && "postMessage" in value;
}

/** Tells a same-origin opener (the hand-off page) how consent ended; false when there is none to tell. */
function notifyOpener(message: HandoffMessage): boolean {
  const opener: unknown = window.opener;
  if (!isWindowLike(opener) || opener.closed) return false;
  try {
    // Reading a cross-origin opener's location throws: only our own page may hear about it.
    if (opener.location.origin !== window.location.origin) return false;
  } catch {
    return false;
  }
  opener.postMessage(message, window.location.origin);
  return true;
}

/** The ticket from the fragment, read once (and the fragment replaced away) before anything renders. */
function useResultTicket(): string | null {
  const [ticket] = useState(() => {
    takeCredentialFromUrl();
    const c = heldCredential();
    return c?.kind === "result" ? c.value : null;
  });
  return ticket;
}

/**
 * Where the callback sends a consent started from the hand-off page. In the pop-up it tells the
 * page and closes; after a full-page redirect it shows the results on /handoff with the ticket, or
 * says why consent did not complete (the link itself was not kept across the redirect).
 */
export function HandoffComplete() {
  const [search] = useSearchParams();
  const connectorId = search.get("connector") ?? "";
  const raw = search.get("outcome") ?? "";
  const outcome = OUTCOMES.has(raw) ? (raw as HandoffMessage["outcome"]) : null;
  const reasonCode = search.get("reason");
  const ticket = useResultTicket();
  const navigate = useNavigate();

  useEffect(() => {
    if (!connectorId || outcome === null) return;
    const message: HandoffMessage = {
      type: HANDOFF_MESSAGE_TYPE,
      connectorId,
      outcome,
      ...(ticket ? { result: ticket } : {}),
      ...(reasonCode ? { reasonCode } : {}),
    };
    if (notifyOpener(message)) {
      window.close();
      return;
    }
    if (ticket) {
      holdResultTicket(ticket);
      void navigate(pages.handoff, { replace: true });
    }
  }, [connectorId, outcome, ticket, reasonCode, navigate]);

  return (
    <main id="main" tabIndex={-1} className="page page-narrow">
      <PageTitle title="Connect Workday" />
      {outcome === "error" ? (
        <>
          <h1>Workday consent did not complete</h1>
          <TroubleshootingEntry reasonCode={reasonCode ?? "authorize_error"} />
          <p>Open the hand-off link again to try once more: it stays valid until consent succeeds.</p>
        </>
      ) : outcome === "refused" ? (
        <>
          <h1>Workday&apos;s answer was not accepted</h1>
          <p role="alert">{REFUSED} Open the hand-off link again to try once more.</p>
        </>
      ) : outcome === "success" && !ticket ? (
        <>
          <h1>Workday was connected</h1>
          <p>The console admin who sent the link sees the connection and its checks on the connector page.</p>
        </>
      ) : (
        <>
          <h1>Finishing…</h1>
          <p role="status">Returning to the hand-off page.</p>
        </>
      )}
    </main>
  );
}

import { CONSENT_MESSAGE_TYPE, type ConsentMessage } from "@wc/contracts";
import { useEffect } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { paths } from "../../../config/paths";
import { REFUSED_MESSAGE } from "../refused-message";
import { PageTitle } from "../../../components/ui/page-title";

function isWindowLike(value: unknown): value is Window {
  return typeof value === "object" && value !== null && "postMessage" in value;
}

/** Tells a same-origin opener that consent finished; false when there is none to tell. */
function notifyOpener(connectorId: string, refused: boolean): boolean {
  const opener: unknown = window.opener;
  if (!isWindowLike(opener) || opener.closed) return false;
  try {
    // Reading a cross-origin opener's location throws: only our own page may hear about it.
    if (opener.location.origin !== window.location.origin) return false;
  } catch {
    return false;
  }
  const message: ConsentMessage = { type: CONSENT_MESSAGE_TYPE, connectorId, ...(refused ? { refused } : {}) };
  opener.postMessage(message, window.location.origin);
  return true;
}

/**
 * Where the BFF sends the browser after consent. In the pop-up it tells the wizard and closes;
 * after a full-page redirect (or when the wizard's window is gone) it opens the connect step,
 * which reads the result from the server.
 */
export function ConsentComplete() {
  const [search] = useSearchParams();
  const connectorId = search.get("connector");
  const refused = search.get("refused") === "state";
  const navigate = useNavigate();

  useEffect(() => {
    if (!connectorId) return;
    if (notifyOpener(connectorId, refused)) {
      window.close();
      return;
    }
    // Nothing was recorded for a refused answer: the connect step would have nothing to show.
    if (!refused) void navigate(paths.wizard.getHref(connectorId, "connect"), { replace: true });
  }, [connectorId, refused, navigate]);

  if (connectorId && refused) {
    return (
      <main id="main" tabIndex={-1} className="page page-narrow">
        <PageTitle title={"Consent"} />
        <h1>Workday's answer was not accepted</h1>
        <p role="alert">{REFUSED_MESSAGE}</p>
        <p>
          <Link to={paths.wizard.getHref(connectorId, "connect")}>Back to the setup</Link>
        </p>
      </main>
    );
  }

  return (
    <main id="main" tabIndex={-1} className="page page-narrow">
      <PageTitle title={"Consent"} />
      <h1>Finishing…</h1>
      {connectorId ? (
        <p>
          Returning to the setup. If this window stays open, <Link to={paths.wizard.getHref(connectorId, "connect")}>continue the setup here</Link>.
        </p>
      ) : (
        <p>
          This page was opened without a connector. <Link to={paths.connectors.getHref()}>Go to App Connectors</Link>.
        </p>
      )}
    </main>
  );
}

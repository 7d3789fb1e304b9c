import { useEffect, useState } from "react";

/** How long Workday may take before the console asks whether its window shows an error. */
export const WATCHDOG_MS = 20_000;

interface Props {
  popup: boolean;
  /** The browser refused the pop-up (as opposed to the admin choosing this window). */
  blocked: boolean;
  onCancel: () => void;
  /** Ends the pop-up and opens Workday in this window instead. */
  onContinueHere: () => void;
  className: string;
}

/** The likely reasons Workday shows an error page instead of its sign-in or Allow page. */
function StuckHelp({ onContinueHere }: { onContinueHere: () => void }) {
  return (
    <div className="watchdog">
      <p className="watchdog-title">Is Workday showing an error?</p>
      <p>If the Workday window shows an error instead of its sign-in or Allow page, the usual causes are:</p>
      <ul>
        <li>OAuth 2.0 clients are not enabled: in Workday, run &quot;Edit Tenant Setup – Security&quot; and tick OAuth 2.0 Clients Enabled.</li>
        <li>The Client ID is not an API client of this tenant: check it in &quot;View API Clients&quot;.</li>
        <li>The API client&apos;s Redirection URI is not exactly the one on the Register API client step.</li>
      </ul>
      <p>Fix it in Workday, close the Workday window and connect again. If the Workday window is hidden or will not open, continue in this window.</p>
      <button type="button" onClick={onContinueHere}>
        Continue in this window
      </button>
    </div>
  );
}

/**
 * While Workday has the admin: what is happening, and a way out. After WATCHDOG_MS in the pop-up
 * it says what usually stops Workday there. When the browser blocked the pop-up, one line says why
 * this page is about to leave. Shared by Connect and Reconnect.
 */
export function ConsentWaiting({ popup, blocked, onCancel, onContinueHere, className }: Props) {
  const [stuck, setStuck] = useState(false);
  useEffect(() => {
    if (!popup) return;
    const timer = setTimeout(() => setStuck(true), WATCHDOG_MS);
    return () => clearTimeout(timer);
  }, [popup]);
  return (
    <div className={className}>
      <div role="status">
        {popup ? (
          <p className="waiting">Waiting for Workday… Sign in and select Allow in the Workday window.</p>
        ) : blocked ? (
          <p className="waiting">
            Your browser blocked the pop-up, so Workday opens in this window. After you select Allow, Workday brings you back to this setup.
          </p>
        ) : (
          <p className="waiting">Opening Workday in this window…</p>
        )}
        {stuck ? <StuckHelp onContinueHere={onContinueHere} /> : null}
      </div>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

import { ENVIRONMENT_NAMES, SANDBOX_NOTE } from "../../../lib/labels";
import type { DetailsSummary as Summary } from "../details-validation";

/** What the pasted endpoints say, updated as you type. */
export function DetailsSummary({ summary }: { summary: Summary }) {
  const { tenant, environment, effectiveAuthorizationUrl } = summary;
  return (
    <section className="panel" aria-labelledby="details-summary-heading" aria-live="polite">
      <h3 id="details-summary-heading">Summary</h3>
      <p>Tenant: {tenant ?? "not found yet"}</p>
      {environment === null ? (
        <p>Environment: paste an endpoint to detect it.</p>
      ) : environment.overridden ? (
        <p>Environment: {ENVIRONMENT_NAMES[environment.value]} (set under Advanced).</p>
      ) : (
        <p>
          {environment.value === "sandbox" ? "Looks like a sandbox/implementation tenant" : "Looks like production"}.{" "}
          <span className="muted">{environment.reason}</span>
        </p>
      )}
      {environment?.value === "sandbox" ? <p className="note">{SANDBOX_NOTE}</p> : null}
      {effectiveAuthorizationUrl ? (
        <p>
          Effective authorization URL: <code>{effectiveAuthorizationUrl}</code>
        </p>
      ) : null}
    </section>
  );
}

import { environmentKind, environmentName, SANDBOX_NOTE, type EnvironmentKind } from "../../../lib/labels";
import type { DetailsSummary as Summary } from "../details-validation";

const LOOKS_LIKE: Record<EnvironmentKind, string> = {
  production: "Looks like production",
  sandbox: "Looks like a sandbox tenant",
  implementation: "Looks like an implementation tenant",
};

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
        <p>Environment: {environmentName(environment.value, tenant)} (set under Advanced).</p>
      ) : (
        <p>
          {LOOKS_LIKE[environmentKind(environment.value, tenant)]}. <span className="muted">{environment.reason}</span>
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

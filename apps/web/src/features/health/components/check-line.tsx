import type { CheckResult, Connector } from "@wc/contracts";
import { troubleshootingFor } from "../../../components/ui/troubleshooting-entry";
import { checkInfo, prerequisiteLabel, resultOf, tickedByAdmin } from "../check-catalog";
import { CheckResultWord } from "./check-result-word";

type Ticks = Pick<Connector, "prerequisites" | "tenantSetup">;

/** "verified" once a check proved the row; before that the wizard only knew the admin ticked it. */
function rowState(check: CheckResult, key: Parameters<typeof tickedByAdmin>[0], ticks: Ticks): string {
  const result = resultOf(check);
  if (result === "passed") return "verified";
  if (result === "failed") return "not verified";
  return tickedByAdmin(key, ticks) ? "ticked by the admin, not checked yet" : "not checked yet";
}

function FailureHelp({ check }: { check: CheckResult }) {
  const entry = troubleshootingFor(check.reasonCode);
  return (
    <div className="check-help">
      <p className="check-help-title">{entry?.title ?? check.reasonCode ?? "The check failed."}</p>
      {entry && entry.steps.length > 0 ? (
        <ol>
          {entry.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      ) : null}
      {check.detail ? <p className="muted">Workday&apos;s answer: {check.detail}</p> : null}
    </div>
  );
}

/** One finished check on the Done step: its title and result, the prerequisite it verified, and what to do if it failed. */
export function CheckLine({ check, ticks }: { check: CheckResult; ticks: Ticks }) {
  const info = checkInfo(check.id);
  const result = resultOf(check);
  return (
    <li className="check-line">
      <p>
        <strong>{info.title}</strong>: <CheckResultWord check={check} />
      </p>
      {info.prerequisites.map((key) => (
        <p key={key} className="muted">
          {prerequisiteLabel(key)}: {rowState(check, key, ticks)}
        </p>
      ))}
      {result === "failed" ? <FailureHelp check={check} /> : null}
      {result === "skipped" && check.detail ? <p className="muted">{check.detail}</p> : null}
    </li>
  );
}

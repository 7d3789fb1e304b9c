import type { Connector } from "@wc/contracts";
import { TENANT_SETUP_STEPS, verifySetup } from "@wc/workday";
import { useState, type FormEvent } from "react";
import { paths } from "../../../config/paths";
import { furthestStep, laterStep } from "../steps";
import { useWizardSubmit } from "../use-wizard-submit";
import { ProvedByChecks } from "./proved-by-checks";
import { StepNav } from "./step-nav";
import { NoAddressHint, TaskLink } from "./task-link";

/** The two tenant switches the connection depends on, each ticked when done. */
export function TenantSetupStep({ connector }: { connector: Connector }) {
  const [ticks, setTicks] = useState<Record<string, boolean>>(() => ({ ...connector.tenantSetup }));
  const { send, busy } = useWizardSubmit();
  const proved = verifySetup(connector.lastChecks);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const wizardStep = laterStep(furthestStep(connector), "register");
    send({ intent: "progress", next: "register", progress: { wizardStep, tenantSetup: ticks } });
  }

  return (
    <form onSubmit={onSubmit}>
      <p>Two settings in Workday must be switched on. A Workday administrator can do this.</p>
      {connector.workdayAddress === null ? <NoAddressHint /> : null}
      <ol className="cards">
        {TENANT_SETUP_STEPS.map((s) => (
          <li key={s.key} className="card">
            <h3>{s.setting}</h3>
            <p>
              In Workday, open the task <TaskLink address={connector.workdayAddress} task={s.task} />, go to <strong>{s.section}</strong> and tick{" "}
              <strong>{s.setting}</strong>.
            </p>
            <p className="muted">{s.why}</p>
            <label className="checkbox">
              <input type="checkbox" checked={ticks[s.key] ?? false} onChange={(e) => setTicks({ ...ticks, [s.key]: e.target.checked })} />
              Done: {s.setting}
            </label>
            <ProvedByChecks state={proved[s.key]} />
          </li>
        ))}
      </ol>
      <StepNav back={paths.wizard.getHref(connector.id, "prerequisites")} busy={busy} />
    </form>
  );
}

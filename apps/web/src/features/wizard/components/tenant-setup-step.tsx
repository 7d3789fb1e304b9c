import type { Connector } from "@wc/contracts";
import { verifySetup } from "@wc/workday";
import { useState, type FormEvent } from "react";
import { paths } from "../../../config/paths";
import { furthestStep, laterStep } from "../steps";
import { useWizardSubmit } from "../use-wizard-submit";
import { StepNav } from "./step-nav";
import { TenantSetupList } from "./tenant-setup-list";

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
      <TenantSetupList
        tick={{ ticks, onTick: (key, done) => setTicks({ ...ticks, [key]: done }) }}
        address={connector.workdayAddress}
        addressHint
        proved={proved}
      />
      <StepNav back={paths.wizard.getHref(connector.id, "prerequisites")} busy={busy} />
    </form>
  );
}

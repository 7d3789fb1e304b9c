import type { Connector } from "@wc/contracts";
import { verifySetup } from "@wc/workday";
import { useState, type FormEvent } from "react";
import { paths } from "../../../config/paths";
import { furthestStep, laterStep } from "../steps";
import { useWizardSubmit } from "../use-wizard-submit";
import { PrerequisitesTable } from "./prerequisites-table";
import { StepNav } from "./step-nav";

/** The security group's permissions in Workday, one row per domain security policy, each ticked when done. */
export function PrerequisitesStep({ connector }: { connector: Connector }) {
  const [ticks, setTicks] = useState<Record<string, boolean>>(() => ({ ...connector.prerequisites }));
  const { send, busy } = useWizardSubmit();
  const proved = verifySetup(connector.lastChecks);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const wizardStep = laterStep(furthestStep(connector), "tenant_setup");
    send({ intent: "progress", next: "tenant_setup", progress: { wizardStep, prerequisites: ticks } });
  }

  return (
    <form onSubmit={onSubmit}>
      <p>The Workday account that grants consent needs a security group with these permissions. Ask a Workday administrator to set them, then tick each row.</p>
      <PrerequisitesTable
        tick={{ ticks, onTick: (key, done) => setTicks({ ...ticks, [key]: done }) }}
        address={connector.workdayAddress}
        addressHint
        proved={proved}
      />
      <StepNav back={paths.wizard.getHref(connector.id, "name")} busy={busy} />
    </form>
  );
}

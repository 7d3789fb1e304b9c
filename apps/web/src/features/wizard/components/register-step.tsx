import type { Connector } from "@wc/contracts";
import type { FormEvent } from "react";
import { paths } from "../../../config/paths";
import { furthestStep, laterStep } from "../steps";
import { useWizardSubmit } from "../use-wizard-submit";
import { RegistrationValues } from "./registration-values";
import { StepNav } from "./step-nav";

/** The exact values for Workday's "Register API Client" task, with this connector's Redirection URI. */
export function RegisterStep({ connector }: { connector: Connector }) {
  const { send, busy } = useWizardSubmit();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send({ intent: "progress", next: "details", progress: { wizardStep: laterStep(furthestStep(connector), "details") } });
  }
  return (
    <form onSubmit={onSubmit}>
      <RegistrationValues redirectUri={connector.redirectUri} address={connector.workdayAddress} addressHint />
      <StepNav back={paths.wizard.getHref(connector.id, "tenant_setup")} busy={busy} />
    </form>
  );
}

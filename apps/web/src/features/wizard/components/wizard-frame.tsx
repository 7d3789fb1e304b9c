import type { Connector, WizardStep } from "@wc/contracts";
import type { ReactNode } from "react";
import { ProblemMessage } from "../../../components/ui/problem-message";
import type { WizardActionError } from "../intents";
import { STEP_TITLES } from "../steps";
import { useWizardSubmit } from "../use-wizard-submit";
import { WizardProgress } from "./wizard-progress";

function DiscardDraft() {
  const { send, busy } = useWizardSubmit();
  return (
    <form
      className="wizard-discard"
      onSubmit={(event) => {
        event.preventDefault();
        if (window.confirm("Discard this draft? Everything entered so far is deleted.")) send({ intent: "discard" });
      }}
    >
      <button type="submit" className="button-link button-danger" disabled={busy}>
        Discard draft
      </button>
    </form>
  );
}

interface WizardFrameProps {
  connector: Connector | null;
  step: WizardStep;
  error?: WizardActionError | undefined;
  /** Replaces the step title as the step's heading (the Done step announces the result). */
  heading?: string;
  children: ReactNode;
}

/** One step per screen: the progress list, the step's heading, any save error, and the step itself. */
export function WizardFrame({ connector, step, error, heading, children }: WizardFrameProps) {
  const draft = connector !== null && (connector.status === "pending_configuration" || connector.status === "pending_authorization");
  return (
    <div className="wizard">
      <header className="wizard-header">
        <h1>Connect Workday</h1>
        {connector ? <p className="muted">{connector.name}</p> : null}
      </header>
      <WizardProgress connector={connector} step={step} />
      <section className="wizard-step">
        <h2 id="step-heading">{heading ?? STEP_TITLES[step]}</h2>
        {error ? <ProblemMessage message={error.message} requestId={error.requestId} /> : null}
        {children}
      </section>
      {draft ? <DiscardDraft /> : null}
    </div>
  );
}

import type { Connector, WizardStep } from "@wc/contracts";
import { useLayoutEffect, useRef, type ReactNode } from "react";
import { NavigationType, useNavigationType } from "react-router";
import { WIZARD_STEPS } from "@wc/contracts";
import { PageTitle } from "../../../components/ui/page-title";
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
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A page opened directly (or by Back/Forward) keeps the browser's own focus; arriving from
  // another step or from the name step (an in-app navigation) focuses this step's heading.
  const navigationType = useNavigationType();
  const shown = useRef<WizardStep | null>(navigationType === NavigationType.Pop ? step : null);
  // A new step replaces the whole screen: move focus to its heading so keyboard and screen-reader
  // users start there instead of at the top of the page (the first step keeps the page's focus).
  const sectionRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    // Unless the step already put focus somewhere in itself (Go to field focuses that field).
    if (sectionRef.current?.contains(document.activeElement)) return;
    headingRef.current?.focus();
  }, [step]);
  const title = `Step ${WIZARD_STEPS.indexOf(step) + 1} of ${WIZARD_STEPS.length} – ${STEP_TITLES[step]}`;
  return (
    <div className="wizard">
      <PageTitle title={title} />
      <header className="wizard-header">
        <h1>Connect Workday</h1>
        {connector ? <p className="muted">{connector.name}</p> : null}
      </header>
      <WizardProgress connector={connector} step={step} />
      <section className="wizard-step" ref={sectionRef}>
        <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
          {heading ?? STEP_TITLES[step]}
        </h2>
        {error ? <ProblemMessage message={error.message} requestId={error.requestId} /> : null}
        {children}
      </section>
      {draft ? <DiscardDraft /> : null}
    </div>
  );
}

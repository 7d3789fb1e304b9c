import type { Connector, WizardStep } from "@wc/contracts";
import type { HostAllowList } from "@wc/workday";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";
import { paths } from "../../../config/paths";
import type { WizardActionError } from "../intents";
import { furthestStep } from "../steps";
import { DetailsStep } from "./details-step";
import { DoneStep } from "./done-step";
import { NameStep } from "./name-step";
import { PrerequisitesStep } from "./prerequisites-step";
import { RegisterStep } from "./register-step";
import { StepNav } from "./step-nav";
import { TenantSetupStep } from "./tenant-setup-step";
import { WizardFrame } from "./wizard-frame";

export const DONE_HEADING = "Workday was successfully connected";

/** Next on the connect step only opens Done once consent has succeeded. */
function ConnectNav({ connector }: { connector: Connector }) {
  const navigate = useNavigate();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void navigate(paths.wizard.getHref(connector.id, "done"));
      }}
    >
      <StepNav back={paths.wizard.getHref(connector.id, "details")} nextDisabled={furthestStep(connector) !== "done"} />
    </form>
  );
}

interface WizardPageProps {
  connector: Connector;
  step: WizardStep;
  allow: HostAllowList;
  error?: WizardActionError | undefined;
  /** The connect step comes from the consent feature; the app layer composes it in. */
  connect: ReactNode;
  /** The Done step's live checks come from the health feature; the app layer composes them in. */
  verify: ReactNode;
}

function StepBody({ connector, step, allow, error, connect, verify }: WizardPageProps) {
  switch (step) {
    case "name":
      return <NameStep connector={connector} allow={allow} error={error} />;
    case "prerequisites":
      return <PrerequisitesStep connector={connector} />;
    case "tenant_setup":
      return <TenantSetupStep connector={connector} />;
    case "register":
      return <RegisterStep connector={connector} />;
    case "details":
      return <DetailsStep connector={connector} allow={allow} error={error} />;
    case "connect":
      return (
        <>
          {connect}
          <ConnectNav connector={connector} />
        </>
      );
    case "done":
      return <DoneStep connector={connector} verify={verify} />;
  }
}

/** The step-level message, unless it only repeats what a field already says. */
function withoutRepeat(error: WizardActionError | undefined): WizardActionError | undefined {
  if (error === undefined) return undefined;
  return Object.values(error.fields).includes(error.message) ? undefined : error;
}

/** The setup of an existing draft, one step per screen. */
export function WizardPage(props: WizardPageProps) {
  const { connector, step, error } = props;
  const general = withoutRepeat(error);
  return (
    <WizardFrame connector={connector} step={step} error={general} {...(step === "done" ? { heading: DONE_HEADING } : {})}>
      <StepBody {...props} />
    </WizardFrame>
  );
}

/** Step 1 before a draft exists. */
export function NewConnectorPage({ error, allow }: { error?: WizardActionError | undefined; allow: HostAllowList }) {
  const general = withoutRepeat(error);
  return (
    <WizardFrame connector={null} step="name" error={general}>
      <NameStep connector={null} allow={allow} error={error} />
    </WizardFrame>
  );
}

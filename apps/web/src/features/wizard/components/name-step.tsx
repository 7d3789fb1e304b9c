import type { Connector } from "@wc/contracts";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import type { WizardActionError } from "../intents";
import { useWizardSubmit } from "../use-wizard-submit";
import { StepNav } from "./step-nav";

/** Before a draft exists: the name creates it (the action validates first, then the server checks uniqueness). */
function NewName({ error }: { error: WizardActionError | undefined }) {
  const [name, setName] = useState("");
  const { send, busy } = useWizardSubmit();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send({ intent: "create", name });
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>Give this Workday connection a name you will recognise, for example the tenant and whether it is production or a sandbox.</p>
      <TextField
        label="Name"
        name="name"
        hint="Unique, 1–64 characters"
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error?.fields.name}
      />
      <StepNav back={paths.connectors.getHref()} busy={busy} />
    </form>
  );
}

/** After the draft exists the name is fixed: it keys the draft on the server. */
function SavedName({ connector }: { connector: Connector }) {
  const navigate = useNavigate();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void navigate(paths.wizard.getHref(connector.id, "prerequisites"));
      }}
    >
      <p>
        Name: <strong>{connector.name}</strong>
      </p>
      <p className="muted">The name was saved with the draft. To use another name, discard this draft and start again.</p>
      <StepNav back={paths.connectors.getHref()} />
    </form>
  );
}

export function NameStep({ connector, error }: { connector: Connector | null; error?: WizardActionError | undefined }) {
  return connector ? <SavedName connector={connector} /> : <NewName error={error} />;
}

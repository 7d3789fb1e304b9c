import type { Connector } from "@wc/contracts";
import type { HostAllowList } from "@wc/workday";
import { useState, type FormEvent } from "react";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import type { WizardActionError } from "../intents";
import { useWizardSubmit } from "../use-wizard-submit";
import { StepNav } from "./step-nav";
import { WorkdayAddressField, workdayAddressProblem } from "./workday-address-field";

/** Before a draft exists: the name creates it (the action validates first, then the server checks uniqueness). */
function NewName({ error, allow }: { error: WizardActionError | undefined; allow: HostAllowList }) {
  const [name, setName] = useState("");
  const [address, setAddress] = useState("");
  const [addressError, setAddressError] = useState<string | undefined>();
  const { send, busy } = useWizardSubmit();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = workdayAddressProblem(address, allow);
    setAddressError(problem);
    if (problem) {
      document.getElementsByName("workdayAddress")[0]?.focus();
      return;
    }
    send({ intent: "create", name, workdayAddress: address.trim() === "" ? null : address });
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
      <WorkdayAddressField value={address} onChange={setAddress} error={addressError ?? error?.fields.workdayAddress} />
      <StepNav back={paths.connectors.getHref()} busy={busy} />
    </form>
  );
}

/** After the draft exists the name is fixed (it keys the draft on the server); the Workday address can still change. */
function SavedName({ connector, allow, error }: { connector: Connector; allow: HostAllowList; error: WizardActionError | undefined }) {
  const [address, setAddress] = useState(connector.workdayAddress ?? "");
  const [addressError, setAddressError] = useState<string | undefined>();
  const { send, busy } = useWizardSubmit();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const problem = workdayAddressProblem(address, allow);
        setAddressError(problem);
        if (problem) {
          document.getElementsByName("workdayAddress")[0]?.focus();
          return;
        }
        send({ intent: "progress", next: "prerequisites", progress: { workdayAddress: address.trim() === "" ? null : address } });
      }}
    >
      <p>
        Name: <strong>{connector.name}</strong>
      </p>
      <p className="muted">The name was saved with the draft. To use another name, discard this draft and start again.</p>
      <WorkdayAddressField value={address} onChange={setAddress} error={addressError ?? error?.fields.workdayAddress} />
      <StepNav back={paths.connectors.getHref()} busy={busy} />
    </form>
  );
}

export function NameStep({ connector, allow, error }: { connector: Connector | null; allow: HostAllowList; error?: WizardActionError | undefined }) {
  return connector ? <SavedName connector={connector} allow={allow} error={error} /> : <NewName error={error} allow={allow} />;
}

import type { Connector } from "@wc/contracts";
import type { HostAllowList } from "@wc/workday";
import { useEffect, useMemo, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { useShallow } from "zustand/react/shallow";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import { DETAILS_FIELD_LABELS, detailsInputId, toDetailsField } from "../../../lib/details-fields";
import { checkDetails } from "../details-validation";
import type { WizardActionError } from "../intents";
import { DETAILS_FIELDS, draftFor, useDetailsStore, type DetailsField, type DetailsValues } from "../store";
import { useWizardSubmit } from "../use-wizard-submit";
import { AdvancedOptions } from "./advanced-options";
import { DetailsSummary } from "./details-summary";
import { PasteBlock } from "./paste-block";
import { StepNav } from "./step-nav";

type TextDetailsField = "clientId" | "clientSecret" | "restApiEndpoint" | "tokenEndpoint" | "authorizationEndpoint";
const ENDPOINTS = ["restApiEndpoint", "tokenEndpoint", "authorizationEndpoint"] as const satisfies readonly TextDetailsField[];
const ADVANCED = new Set<string>(["clientAuthMethod", "environmentOverride"]);

const focusField = (field: DetailsField) => document.getElementById(detailsInputId(field))?.focus();

function secretHint(connector: Connector): string | undefined {
  if (!connector.clientSecretSet) return "Shown once on Workday's done page after Register API Client.";
  const ending = connector.clientSecretHint ? ` (ends in …${connector.clientSecretHint})` : "";
  return `A client secret is saved${ending}. Leave empty to keep it.`;
}

interface DetailsStepProps {
  connector: Connector;
  allow: HostAllowList;
  error?: WizardActionError | undefined;
}

/** Client ID, secret and the three endpoints, checked as they are typed with the schema the BFF uses. */
export function DetailsStep({ connector, allow, error }: DetailsStepProps) {
  const stored = useDetailsStore((s) => s.draft);
  const actions = useDetailsStore(useShallow((s) => ({ edit: s.edit, touch: s.touch, touchAll: s.touchAll, markSubmitted: s.markSubmitted })));
  const draft = draftFor(stored, connector);
  const check = useMemo(() => checkDetails(draft.values, allow, connector.clientSecretSet), [draft.values, allow, connector.clientSecretSet]);
  const { send, busy } = useWizardSubmit();
  const focus = toDetailsField(useSearchParams()[0].get("focus"));
  useEffect(() => {
    if (focus) focusField(focus);
  }, [focus]);

  const edit = (values: Partial<DetailsValues>, touch = false) => actions.edit(connector, values, touch);
  const messageFor = (field: DetailsField) =>
    (draft.touched[field] ? check.errors[field] : undefined) ?? (draft.edited[field] ? undefined : error?.fields[field]);
  const textProps = (field: TextDetailsField) => ({
    id: detailsInputId(field),
    label: DETAILS_FIELD_LABELS[field],
    value: draft.values[field],
    autoComplete: "off",
    spellCheck: false,
    onChange: (e: { target: { value: string } }) => edit({ [field]: e.target.value }),
    onBlur: () => actions.touch(connector, field),
    error: messageFor(field),
    warnings: check.warnings[field],
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    actions.touchAll(connector);
    if (check.request === null) {
      const first = DETAILS_FIELDS.find((f) => check.errors[f] !== undefined);
      if (first) focusField(first);
      return;
    }
    actions.markSubmitted(connector);
    send({ intent: "details", details: check.request });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <p>Enter the values Workday showed after Register API Client. They are also on Workday&apos;s View API Clients page, except the secret.</p>
      <PasteBlock onFill={(values) => edit(values, true)} />
      <TextField {...textProps("clientId")} />
      <TextField {...textProps("clientSecret")} type="password" hint={secretHint(connector)} />
      {ENDPOINTS.map((field) => (
        <TextField key={field} {...textProps(field)} type="url" inputMode="url" />
      ))}
      <div className="field">
        <label className="checkbox">
          <input
            id={detailsInputId("samlSso")}
            type="checkbox"
            checked={draft.values.samlSso}
            onChange={(e) => edit({ samlSso: e.target.checked })}
          />
          {DETAILS_FIELD_LABELS.samlSso}
        </label>
        <p className="field-hint">
          Tick it when Workday sends you to your company&apos;s sign-in page. Workday then opens with redirect=n and shows its own sign-in
          page, where an account without SSO (such as an Integration System User) can sign in.
        </p>
      </div>
      <AdvancedOptions values={draft.values} open={focus !== null && ADVANCED.has(focus)} onChange={(values) => edit(values)} />
      <DetailsSummary summary={check.summary} />
      <StepNav back={paths.wizard.getHref(connector.id, "register")} busy={busy} />
    </form>
  );
}

import {
  COPIED_DETAILS_FIELDS,
  DETAILS_FIELD_KEYS,
  DETAILS_FIELDS,
  detailsField,
  fieldsOfKind,
  type Connector,
  type CopiedDetailsField,
  type DetailsFieldKey,
  type DetailsValues,
} from "@wc/contracts";
import type { HostAllowList } from "@wc/workday";
import { useLayoutEffect, useMemo, type FormEvent, type ReactNode } from "react";
import { useSearchParams } from "react-router";
import { useShallow } from "zustand/react/shallow";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import { detailsInputId, toDetailsField } from "../../../lib/details-fields";
import { checkDetails } from "../details-validation";
import type { WizardActionError } from "../intents";
import { draftFor, useDetailsStore } from "../store";
import { useWizardSubmit } from "../use-wizard-submit";
import { AdvancedOptions } from "./advanced-options";
import { DetailsSummary } from "./details-summary";
import { EnvironmentChoice } from "./environment-choice";
import { PasteBlock } from "./paste-block";
import { StepNav } from "./step-nav";

const CHECKBOXES = fieldsOfKind("boolean");
const ADVANCED = new Set<string>(DETAILS_FIELD_KEYS.filter((field) => detailsField(field).advanced));

const focusField = (field: DetailsFieldKey) => document.getElementById(detailsInputId(field))?.focus();

function secretHint(connector: Connector): string | undefined {
  if (!connector.clientSecretSet) return detailsField("clientSecret").help;
  const ending = connector.clientSecretHint ? ` (ends in …${connector.clientSecretHint})` : "";
  return `A client secret is saved${ending}. Leave empty to keep it.`;
}

interface DetailsStepProps {
  connector: Connector;
  allow: HostAllowList;
  error?: WizardActionError | undefined;
  /** Replaces Back/Next (the hand-off page has no other steps to go to); the form still submits to the route's action. */
  nav?: ReactNode;
}

/** Client ID, secret and the three endpoints, checked as they are typed with the schema the BFF uses. */
export function DetailsStep({ connector, allow, error, nav }: DetailsStepProps) {
  const stored = useDetailsStore((s) => s.draft);
  const actions = useDetailsStore(useShallow((s) => ({ edit: s.edit, touch: s.touch, touchAll: s.touchAll, markSubmitted: s.markSubmitted })));
  const draft = draftFor(stored, connector);
  const check = useMemo(() => checkDetails(draft.values, allow, connector.clientSecretSet), [draft.values, allow, connector.clientSecretSet]);
  const { send, busy } = useWizardSubmit();
  const focus = toDetailsField(useSearchParams()[0].get("focus"));
  useLayoutEffect(() => {
    if (focus) focusField(focus);
  }, [focus]);

  const edit = (values: Partial<DetailsValues>, touch = false) => actions.edit(connector, values, touch);
  const messageFor = (field: DetailsFieldKey) =>
    (draft.touched[field] ? check.errors[field] : undefined) ?? (draft.edited[field] ? undefined : error?.fields[field]);
  const textProps = (field: CopiedDetailsField) => ({
    id: detailsInputId(field),
    label: DETAILS_FIELDS[field].label,
    value: draft.values[field],
    ...DETAILS_FIELDS[field].input,
    hint: field === "clientSecret" ? secretHint(connector) : detailsField(field).help,
    onChange: (e: { target: { value: string } }) => edit({ [field]: e.target.value }),
    onBlur: () => actions.touch(connector, field),
    error: messageFor(field),
    warnings: check.warnings[field],
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    actions.touchAll(connector);
    if (check.request === null) {
      const first = DETAILS_FIELD_KEYS.find((f) => check.errors[f] !== undefined);
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
      {COPIED_DETAILS_FIELDS.map((field) => (
        <TextField key={field} {...textProps(field)} />
      ))}
      {CHECKBOXES.map((field) => {
        const { label, help } = detailsField(field);
        return (
          <div className="field" key={field}>
            <label className="checkbox">
              <input id={detailsInputId(field)} type="checkbox" checked={draft.values[field]} onChange={(e) => edit({ [field]: e.target.checked })} />
              {label}
            </label>
            {help ? <p className="field-hint">{help}</p> : null}
          </div>
        );
      })}
      <EnvironmentChoice values={draft.values} onChange={(values) => edit(values)} />
      <AdvancedOptions values={draft.values} open={focus !== null && ADVANCED.has(focus)} onChange={(values) => edit(values)} />
      <DetailsSummary summary={check.summary} />
      {nav ?? <StepNav back={paths.wizard.getHref(connector.id, "register")} busy={busy} />}
    </form>
  );
}

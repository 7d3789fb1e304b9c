import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useFetcher, useNavigate, type SubmitTarget } from "react-router";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { TextAreaField } from "../../../components/ui/text-area-field";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import { draftFromTemplate, type PolicyDraft, type PolicyTemplate } from "../policy-draft";
import type { PolicyActionResult, PolicyIntent, PolicySubmission } from "../policy-intents";
import type { ConnectorName } from "../policy-words";
import { BacktestResult } from "./backtest-result";
import { ConditionBuilder } from "./condition-builder";
import { ConnectorScope } from "./connector-scope";
import { SeverityChoice } from "./severity-choice";
import { TemplateList } from "./template-list";
import { ThresholdFields } from "./threshold-fields";
import { WorkingHoursFields } from "./working-hours-fields";

interface Props {
  initial: PolicyDraft;
  /** The saved policy's id and name; none on the new-policy page. */
  saved?: { id: string; name: string } | undefined;
  /** Offered on the new-policy page only: on a saved policy a template would overwrite it. */
  templates?: readonly PolicyTemplate[] | undefined;
  connectors: readonly ConnectorName[];
}

/** Where a success goes: a new policy opens its own page; a deleted one the list, each saying what happened. */
function useFollowUp(result: PolicyActionResult | undefined) {
  const navigate = useNavigate();
  useEffect(() => {
    if (result?.ok && result.intent === "save" && result.created) void navigate(paths.policy.getHref(result.policy.id), { state: { note: result.message } });
    if (result?.ok && result.intent === "delete") void navigate(paths.policies.getHref(), { state: { note: result.message } });
  }, [result, navigate]);
}

/**
 * A policy, new or saved. The condition is a tree the form's own fields cannot say, so the form
 * keeps its state here and posts it as JSON to the route's action, which checks it with the
 * contracts schema before sending; refusals come back with each message on its input.
 */
export function PolicyForm({ initial, saved, templates, connectors }: Props) {
  const fetcher = useFetcher<PolicyActionResult>();
  const [draft, setDraft] = useState(initial);
  // A template replaces the form, so the answer about the previous one no longer applies.
  const [outdated, setOutdated] = useState<PolicyActionResult | undefined>(undefined);
  const [templateNote, setTemplateNote] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const action = saved ? paths.policy.getHref(saved.id) : paths.newPolicy.getHref();
  const result = fetcher.state === "idle" && fetcher.data !== outdated ? fetcher.data : undefined;
  const problem = result && !result.ok ? result.problem : undefined;
  const fields = problem?.fields ?? {};
  const pending = fetcher.state !== "idle" ? (fetcher.json as PolicySubmission | undefined)?.intent : undefined;
  useFollowUp(result);
  // The summary takes the focus itself; otherwise the first input to fix does.
  useLayoutEffect(() => {
    if (problem && !problem.message) form.current?.querySelector<HTMLElement>(".field-invalid input, .field-invalid select, .field-invalid textarea")?.focus();
  }, [problem]);

  const change = (patch: Partial<PolicyDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const send = (intent: PolicyIntent) => {
    const submission: PolicySubmission = { intent, draft, ...(saved ? { name: saved.name } : {}) };
    // A plain JSON object: the interface lacks the index signature React Router's JSON target is typed with.
    void fetcher.submit(submission as unknown as SubmitTarget, { method: "post", encType: "application/json", action });
  };
  const chooseTemplate = (t: PolicyTemplate) => {
    setDraft((d) => draftFromTemplate(t, d));
    setOutdated(fetcher.data);
    setTemplateNote(`Filled in from the template “${t.name}”. Adjust it, test it against the last 7 days, then save it.`);
    form.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
  };
  const remove = () => {
    if (saved && window.confirm(`Delete the policy “${saved.name}”? It raises no more alerts; the alerts it raised stay.`)) send("delete");
  };

  return (
    <>
      {templates ? <TemplateList templates={templates} onChoose={chooseTemplate} /> : null}
      <form
        ref={form}
        noValidate
        className="policy-form"
        aria-label={saved ? `Edit ${saved.name}` : "New policy"}
        onSubmit={(e) => {
          e.preventDefault();
          send("save");
        }}
      >
        {templateNote ? (
          <p role="status" className="ok">
            {templateNote}
          </p>
        ) : null}
        {problem?.message ? <ProblemMessage message={problem.message} requestId={problem.requestId} /> : null}
        {result?.ok && result.intent === "save" && !result.created ? (
          <p role="status" className="ok">
            {result.message}
          </p>
        ) : null}
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          value={draft.name}
          onChange={(e) => change({ name: e.currentTarget.value })}
          error={fields.name}
        />
        <TextAreaField
          label="Description"
          rows={2}
          value={draft.description}
          onChange={(e) => change({ description: e.currentTarget.value })}
          hint="What it looks for and what to do about an alert; optional."
          error={fields.description}
        />
        <SeverityChoice value={draft.severity} error={fields.severity} onChange={(severity) => change({ severity })} />
        <div className={["field", fields.enabled ? "field-invalid" : null].filter(Boolean).join(" ")}>
          <label className="checkbox">
            <input type="checkbox" checked={draft.enabled} onChange={(e) => change({ enabled: e.currentTarget.checked })} />
            Enabled
          </label>
          <p className="field-hint">A disabled policy raises no alerts.</p>
          {fields.enabled ? (
            <p className="field-error" role="alert">
              {fields.enabled}
            </p>
          ) : null}
        </div>
        <ConnectorScope connectors={connectors} draft={draft} error={fields.connectorIds} onChange={change} />
        <ConditionBuilder draft={draft} fields={fields} onChange={change} />
        <ThresholdFields draft={draft} fields={fields} onChange={change} />
        <WorkingHoursFields draft={draft} fields={fields} onChange={change} />
        <div className="actions">
          <button type="button" onClick={() => send("backtest")} disabled={pending !== undefined}>
            {pending === "backtest" ? "Testing…" : "Test against the last 7 days"}
          </button>
          <button type="submit" className="button-primary" disabled={pending !== undefined}>
            {saved ? "Save changes" : "Add policy"}
          </button>
          {saved ? (
            <button type="button" className="button-danger" onClick={remove} disabled={pending !== undefined}>
              Delete policy
            </button>
          ) : null}
        </div>
      </form>
      {result?.ok && result.intent === "backtest" ? <BacktestResult backtest={result.backtest} connectors={connectors} /> : null}
    </>
  );
}

import { AUDIT_ACTIONS } from "@wc/contracts";
import type { FormEvent } from "react";
import { Form, Link, useSubmit } from "react-router";
import { FiltersDisclosure } from "../../../components/ui/filters-disclosure";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import type { FormProblem } from "../../../lib/form-problem";
import { AUDIT_ACTION_LABELS } from "../audit-labels";
import { nonEmpty, type AuditFilters as Filters } from "../audit-query";

const ACTION_OPTIONS = [{ value: "", label: "All actions" }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }))];

/**
 * A GET form: its values become the page's query string (empty ones left out), so a filtered log
 * can be bookmarked and shared, and the loader reads the filters from the URL alone.
 */
export function AuditFilters({ filters, problem }: { filters: Filters; problem: FormProblem | undefined }) {
  const submit = useSubmit();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit(nonEmpty(new FormData(event.currentTarget)), { method: "get", action: paths.audit.getHref() });
  }
  return (
    <FiltersDisclosure active={Object.values(filters).filter(Boolean).length}>
      <Form method="get" action={paths.audit.getHref()} onSubmit={onSubmit} role="search" aria-label="Filter the audit log" className="audit-filters">
        <TextField label="Actor" name="actor" defaultValue={filters.actor} autoComplete="off" error={problem?.fields.actor} />
        <SelectField label="Action" name="action" options={ACTION_OPTIONS} defaultValue={filters.action} error={problem?.fields.action} />
        <TextField
          label="Target"
          name="targetId"
          defaultValue={filters.targetId}
          autoComplete="off"
          hint="A connector or user id"
          error={problem?.fields.targetId}
        />
        <TextField label="From" name="from" type="datetime-local" defaultValue={filters.from} hint="UTC" error={problem?.fields.from} />
        <TextField label="To" name="to" type="datetime-local" defaultValue={filters.to} hint="UTC" error={problem?.fields.to} />
        <div className="actions">
          <button type="submit" className="button-primary">
            Filter
          </button>
          <Link to={paths.audit.getHref()}>Clear filters</Link>
        </div>
      </Form>
    </FiltersDisclosure>
  );
}

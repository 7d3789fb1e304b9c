import { activityActionSchema } from "@wc/contracts";
import { Form, Link, useLocation, useSubmit } from "react-router";
import { FiltersDisclosure } from "../../../components/ui/filters-disclosure";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { filledFormValues } from "../../../lib/search-params";
import type { FilterName, FilterValues } from "../activity-search";

export interface ConnectorOption {
  id: string;
  name: string;
}

const TEXT_FILTERS = [
  { name: "account", label: "Account", hint: "A sign-in name or a worker's full name, in any case (bgarcia or Bruno Garcia)." },
  { name: "task", label: "Task", hint: "A task ID, or part of its name." },
] as const;

const MORE_FILTERS = [
  { name: "ipAddress", label: "IP address" },
  { name: "deviceType", label: "Device type" },
  { name: "sessionId", label: "Session" },
] as const;

const ACTION_OPTIONS = [{ value: "", label: "Any" }, ...activityActionSchema.options.map((a) => ({ value: a, label: a }))];

interface Props {
  values: FilterValues;
  /** The API's message per filter, after it refused them. */
  errors: Readonly<Partial<Record<FilterName, string>>>;
  listPath: string;
  /** Only across connectors: the Connector filter's choices. */
  connectors?: readonly ConnectorOption[] | undefined;
}

/**
 * A GET form: the filters live in the URL, so a filtered list can be bookmarked and shared, and
 * the route's loader reads them from there. Blank filters are left out of the URL.
 */
export function ActivityFilters({ values, errors, listPath, connectors }: Props) {
  const submit = useSubmit();
  const { search } = useLocation();
  const text = (name: FilterName, label: string, hint?: string) => (
    <TextField key={name} label={label} name={name} defaultValue={values[name] ?? ""} error={errors[name]} {...(hint ? { hint } : {})} />
  );
  return (
    <FiltersDisclosure active={Object.keys(values).length}>
      <Form
        // A new URL (Clear, a shared link) puts its values into the fields.
        key={search}
        method="get"
        action={listPath}
        role="search"
        aria-label="Activity filters"
        className="activity-filters"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(filledFormValues(new FormData(event.currentTarget)), { method: "get", action: listPath });
        }}
      >
        <div className="filter-grid">
          <TextField label="From (UTC)" name="from" type="datetime-local" defaultValue={values.from ?? ""} error={errors.from} />
          <TextField label="To (UTC)" name="to" type="datetime-local" defaultValue={values.to ?? ""} error={errors.to} />
          {TEXT_FILTERS.map((f) => text(f.name, f.label, f.hint))}
          <SelectField label="Action" name="action" options={ACTION_OPTIONS} defaultValue={values.action ?? ""} error={errors.action} />
          {MORE_FILTERS.map((f) => text(f.name, f.label))}
          {connectors ? (
            <SelectField
              label="Connector"
              name="connectorId"
              options={[{ value: "", label: "Any" }, ...connectors.map((c) => ({ value: c.id, label: c.name }))]}
              defaultValue={values.connectorId ?? ""}
              error={errors.connectorId}
            />
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="button-primary">
            Apply filters
          </button>
          <Link to={listPath}>Clear</Link>
        </div>
      </Form>
    </FiltersDisclosure>
  );
}

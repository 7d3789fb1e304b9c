import { severitySchema } from "@wc/contracts";
import { Form, Link, useLocation, useSubmit } from "react-router";
import { FiltersDisclosure } from "../../../components/ui/filters-disclosure";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import { SEVERITY_NAMES } from "../../../lib/labels";
import { filledFormValues } from "../../../lib/search-params";
import type { AlertFilterValues } from "../alert-search";
import type { NamedOption } from "../alert-words";

const any = { value: "", label: "Any" };
const SEVERITY_OPTIONS = [any, ...severitySchema.options.map((s) => ({ value: s, label: SEVERITY_NAMES[s] }))];

interface Props {
  values: AlertFilterValues;
  policies: readonly NamedOption[];
  connectors: readonly NamedOption[];
}

/**
 * A GET form: the filters live in the URL, so a filtered list can be bookmarked and shared. The
 * status is chosen by the counts above the list and kept here; a new filter starts at page 1.
 */
export function AlertFilters({ values, policies, connectors }: Props) {
  const submit = useSubmit();
  const { search } = useLocation();
  const action = paths.alerts.getHref();
  const { status: _status, ...set } = values;
  return (
    <FiltersDisclosure active={Object.keys(set).length}>
      <Form
        // A new URL (Clear, a shared link) puts its values into the fields.
        key={search}
        method="get"
        action={action}
        role="search"
        aria-label="Alert filters"
        className="activity-filters"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(filledFormValues(new FormData(event.currentTarget)), { method: "get", action });
        }}
      >
        <div className="filter-grid">
          <SelectField
            label="Policy"
            name="policyId"
            options={[any, ...policies.map((p) => ({ value: p.id, label: p.name }))]}
            defaultValue={values.policyId ?? ""}
          />
          <SelectField label="Severity" name="severity" options={SEVERITY_OPTIONS} defaultValue={values.severity ?? ""} />
          <SelectField
            label="Connector"
            name="connectorId"
            options={[any, ...connectors.map((c) => ({ value: c.id, label: c.name }))]}
            defaultValue={values.connectorId ?? ""}
          />
          <TextField label="Account" name="account" defaultValue={values.account ?? ""} hint="The Workday account the alert is about." />
        </div>
        {values.status ? <input type="hidden" name="status" value={values.status} /> : null}
        <div className="actions">
          <button type="submit" className="button-primary">
            Apply filters
          </button>
          <Link to={action}>Clear</Link>
        </div>
      </Form>
    </FiltersDisclosure>
  );
}

import { Form, Link, useLocation, useSubmit } from "react-router";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import { filledFormValues } from "../../../lib/search-params";
import { connectorsHref, listQuery, type ConnectorSearch } from "../connector-search";

const ENVIRONMENTS = [
  { value: "", label: "Any" },
  { value: "production", label: "Production" },
  { value: "sandbox", label: "Sandbox" },
];

interface Props {
  search: ConnectorSearch;
  /** The API's message per field, after it refused them. */
  errors: Readonly<Record<string, string>>;
}

/**
 * A GET form, so the search lives in the URL with the status filter and the sort (kept as hidden
 * fields); a new search starts at the first page. Blank fields are left out of the URL.
 */
export function ConnectorSearchForm({ search, errors }: Props) {
  const submit = useSubmit();
  const { search: url } = useLocation();
  const action = paths.connectors.getHref();
  const kept = [...listQuery({ ...search, q: null, environment: null, cursor: null, page: 1 })];
  return (
    <Form
      // A new URL (Clear, back and forward, a shared link) puts its values into the fields.
      key={url}
      method="get"
      action={action}
      role="search"
      aria-label="Search connectors"
      className="connector-search"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(filledFormValues(new FormData(event.currentTarget)), { method: "get", action });
      }}
    >
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField label="Name or tenant" name="q" type="search" defaultValue={search.q ?? ""} error={errors.q} />
      <SelectField label="Environment" name="environment" options={ENVIRONMENTS} defaultValue={search.environment ?? ""} error={errors.environment} />
      <div className="actions">
        <button type="submit" className="button-primary">
          Search
        </button>
        {search.q !== null || search.environment !== null ? <Link to={connectorsHref(search, { q: null, environment: null })}>Clear search</Link> : null}
      </div>
    </Form>
  );
}

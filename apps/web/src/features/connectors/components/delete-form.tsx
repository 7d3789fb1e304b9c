import type { Connector } from "@wc/contracts";
import { Form } from "react-router";

/** Deletes the connector with its credentials and tokens, after confirming. */
export function DeleteForm({ connector }: { connector: Connector }) {
  return (
    <Form
      method="post"
      onSubmit={(event) => {
        if (!window.confirm(`Delete the connector "${connector.name}"? Its stored credentials and tokens are deleted.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="delete" />
      <button type="submit" className="button-danger">
        Delete connector
      </button>
    </Form>
  );
}

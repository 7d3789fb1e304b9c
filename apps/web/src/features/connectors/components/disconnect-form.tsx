import type { Connector } from "@wc/contracts";
import { Form, useNavigation } from "react-router";

export const DISCONNECTED_MESSAGE =
  "Tokens deleted. To also remove the refresh token in Workday: View API Clients → API Clients for Integrations → the client → Manage Refresh Tokens for Integrations.";

/** Deletes the stored tokens after confirming; the connector, its details and history stay. */
export function DisconnectForm({ connector }: { connector: Connector }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "disconnect";
  return (
    <Form
      method="post"
      onSubmit={(event) => {
        const question = `Disconnect "${connector.name}"? Its stored tokens are deleted; the details and history stay, and Reconnect connects it again.`;
        if (!window.confirm(question)) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="disconnect" />
      <button type="submit" className="button-danger" disabled={busy}>
        Disconnect
      </button>
    </Form>
  );
}

/** Shown after a disconnect: Workday keeps its copy of the refresh token until an admin removes it there. */
export function DisconnectedNotice() {
  return (
    <p role="status" className="note">
      {DISCONNECTED_MESSAGE}
    </p>
  );
}

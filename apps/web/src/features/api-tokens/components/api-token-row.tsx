import { API_TOKEN_STATE_LABELS, type ApiToken } from "@wc/contracts";
import { useFetcher } from "react-router";
import { DateTime } from "../../../components/ui/date-time";
import { ActionResult } from "../../../components/ui/action-result";
import { paths } from "../../../config/paths";
import { ROLE_NAMES } from "../../../lib/labels";
import type { ApiTokenActionResult } from "../api-token-intents";

/** One token: never its secret, only the first characters that tell it apart in a script's configuration. */
export function ApiTokenRow({ token }: { token: ApiToken }) {
  const fetcher = useFetcher<ApiTokenActionResult>();
  const result = fetcher.state === "idle" ? (fetcher.data ?? undefined) : undefined;
  return (
    <tr>
      <td>{token.name}</td>
      <td>{ROLE_NAMES[token.role]}</td>
      <td>
        <code translate="no">{token.prefix}…</code>
      </td>
      <td>
        <DateTime value={token.createdAt} /> by {token.createdBy}
      </td>
      <td>
        <DateTime value={token.expiresAt} />
      </td>
      <td>
        <DateTime value={token.lastUsedAt} empty="Never" />
      </td>
      <td>
        {API_TOKEN_STATE_LABELS[token.state]}
        {token.revokedBy ? ` by ${token.revokedBy}` : ""}
      </td>
      <td>
        {/* An expired token can be revoked too, so the list says it was withdrawn on purpose. */}
        {token.state === "revoked" ? null : (
          <fetcher.Form
            method="post"
            action={paths.apiTokens.getHref()}
            onSubmit={(event) => {
              if (!window.confirm(`Revoke the API token "${token.name}" (${token.prefix}…)? Scripts using it are refused from then on.`))
                event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="id" value={token.id} />
            <button type="submit" className="button-small button-danger" disabled={fetcher.state !== "idle"}>
              Revoke
            </button>
          </fetcher.Form>
        )}
        <ActionResult result={result} />
      </td>
    </tr>
  );
}

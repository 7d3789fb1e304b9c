import type { ApiToken } from "@wc/contracts";
import { TableScroll } from "../../../components/ui/table-scroll";
import { ApiTokenRow } from "./api-token-row";

export function ApiTokensTable({ tokens }: { tokens: ApiToken[] }) {
  if (tokens.length === 0) return <p>No API tokens yet. Create one for a script or monitoring check.</p>;
  return (
    <TableScroll label="API tokens">
      <table className="table">
        <caption className="visually-hidden">API tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Token</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <ApiTokenRow key={t.id} token={t} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

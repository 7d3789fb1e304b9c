import { exportHref, type ActivitySearch } from "../activity-search";

/**
 * Every matching row as a file. Plain links with `download`: the browser streams the BFF's
 * attachment to disk with the session cookie, instead of the page holding it in memory.
 */
export function ExportLinks({ exportPath, search }: { exportPath: string; search: ActivitySearch }) {
  return (
    <p className="actions export-links">
      <a href={exportHref(exportPath, search, "csv")} download>
        Export CSV
      </a>
      <a href={exportHref(exportPath, search, "ndjson")} download>
        Export NDJSON
      </a>
    </p>
  );
}

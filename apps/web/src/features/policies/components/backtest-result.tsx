import type { BacktestResponse } from "@wc/contracts";
import { DateTime } from "../../../components/ui/date-time";
import { TableScroll } from "../../../components/ui/table-scroll";
import { formatCount } from "../../../lib/numbers";
import { connectorName, type ConnectorName } from "../policy-words";

const counted = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "Would have raised 3 alerts from 57 matching rows in the last 7 days (12,345 rows read)." */
export function backtestSentence(b: BacktestResponse): string {
  return `Would have raised ${counted(b.alerts, "alert", "alerts")} from ${counted(b.rows, "matching row", "matching rows")} in the last 7 days (${counted(b.scanned, "row", "rows")} read).`;
}

/** What the policy on the form would have done over stored activity, with a few of the alerts. */
export function BacktestResult({ backtest, connectors }: { backtest: BacktestResponse; connectors: readonly ConnectorName[] }) {
  return (
    <section aria-labelledby="backtest-heading" className="backtest">
      <h2 id="backtest-heading">Test against the last 7 days</h2>
      <p role="status" className="backtest-figures">
        {backtestSentence(backtest)}
      </p>
      <p className="muted">
        From <DateTime value={backtest.from} /> to <DateTime value={backtest.to} />, over activity already stored.
        {backtest.truncated ? " The window held more rows than a test reads, so these figures cover the newest ones." : null}
      </p>
      {backtest.examples.length > 0 ? (
        <TableScroll label="Alerts it would have raised">
          <table className="table">
            <caption>Alerts it would have raised, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Connector</th>
                <th scope="col">Account</th>
                <th scope="col">Rows</th>
                <th scope="col">First row</th>
                <th scope="col">Last row</th>
              </tr>
            </thead>
            <tbody>
              {backtest.examples.map((e) => (
                <tr key={`${e.connectorId}-${e.account}-${e.firstRowAt}`}>
                  <td>{connectorName(e.connectorId, connectors)}</td>
                  <td>{e.account}</td>
                  <td>{formatCount(e.rows)}</td>
                  <td>
                    <DateTime value={e.firstRowAt} seconds />
                  </td>
                  <td>
                    <DateTime value={e.lastRowAt} seconds />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}

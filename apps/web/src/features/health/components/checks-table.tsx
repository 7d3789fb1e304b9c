import type { CheckResult } from "@wc/contracts";
import { CHECKS, prerequisiteLabel, type CheckInfo } from "../check-catalog";
import { CheckReason } from "./check-reason";
import { CheckResultWord } from "./check-result-word";
import { TableScroll } from "../../../components/ui/table-scroll";

function Proves({ info }: { info: CheckInfo }) {
  return (
    <>
      {info.proves}
      {info.prerequisites.map((key) => (
        <p key={key} className="muted">
          Verifies the prerequisite: {prerequisiteLabel(key)}
        </p>
      ))}
    </>
  );
}

function Row({ info, check, running }: { info: CheckInfo; check: CheckResult | undefined; running: boolean }) {
  return (
    <tr>
      <th scope="row">{info.title}</th>
      <td>
        <Proves info={info} />
      </td>
      <td>{check ? <CheckResultWord check={check} /> : running ? "Checking…" : "Not run yet"}</td>
      <td>{check ? <CheckReason check={check} /> : null}</td>
    </tr>
  );
}

/** One row per live check: what it proves, and how it last went (or how it is going, while running). */
export function ChecksTable({ checks, running }: { checks: CheckResult[] | null; running: boolean }) {
  return (
    <TableScroll label="Checks">
      <table className="table" aria-busy={running || undefined}>
        <caption className="visually-hidden">Checks</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">What it proves</th>
            <th scope="col">Result</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {CHECKS.map((info) => (
            <Row key={info.id} info={info} check={checks?.find((c) => c.id === info.id)} running={running} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

import { TENANT_SETUP_STEPS, type SetupCheckState, type SetupKey } from "@wc/workday";
import { ProvedByChecks } from "./proved-by-checks";
import { NoAddressHint, TaskLink } from "./task-link";

interface Ticks {
  ticks: Record<string, boolean>;
  onTick: (key: string, done: boolean) => void;
}

/** The two tenant switches the connection depends on; with `tick`, each has its Done box (the wizard). */
export function TenantSetupList({
  tick,
  address,
  addressHint = false,
  proved = {},
}: {
  tick?: Ticks;
  address: string | null;
  addressHint?: boolean;
  proved?: Partial<Record<SetupKey, SetupCheckState>>;
}) {
  return (
    <>
      {address === null && addressHint ? <NoAddressHint /> : null}
      <ol className="cards">
        {TENANT_SETUP_STEPS.map((s) => (
          <li key={s.key} className="card">
            <h3>{s.setting}</h3>
            <p>
              In Workday, open the task <TaskLink address={address} task={s.task} />, go to <strong>{s.section}</strong> and tick <strong>{s.setting}</strong>.
            </p>
            <p className="muted">{s.why}</p>
            {tick ? (
              <label className="checkbox">
                <input type="checkbox" checked={tick.ticks[s.key] ?? false} onChange={(e) => tick.onTick(s.key, e.target.checked)} />
                Done: {s.setting}
              </label>
            ) : null}
            <ProvedByChecks state={proved[s.key]} />
          </li>
        ))}
      </ol>
    </>
  );
}

import { TENANT_SETUP_STEPS } from "@wc/workday";

interface Ticks {
  ticks: Record<string, boolean>;
  onTick: (key: string, done: boolean) => void;
}

/** The two tenant switches the connection depends on; with `tick`, each has its Done box (the wizard). */
export function TenantSetupList({ tick }: { tick?: Ticks }) {
  return (
    <ol className="cards">
      {TENANT_SETUP_STEPS.map((s) => (
        <li key={s.key} className="card">
          <h3>{s.setting}</h3>
          <p>
            In Workday, open the task <strong>{s.task}</strong>, go to <strong>{s.section}</strong> and tick <strong>{s.setting}</strong>.
          </p>
          <p className="muted">{s.why}</p>
          {tick ? (
            <label className="checkbox">
              <input type="checkbox" checked={tick.ticks[s.key] ?? false} onChange={(e) => tick.onTick(s.key, e.target.checked)} />
              Done: {s.setting}
            </label>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

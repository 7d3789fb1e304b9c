import { WIZARD_STEPS, type Connector, type WizardStep } from "@wc/contracts";
import { Link } from "react-router";
import { paths } from "../../../config/paths";
import { isVisited, STEP_TITLES } from "../steps";

/** The seven steps in order; steps already reached link back to themselves. */
export function WizardProgress({ connector, step }: { connector: Connector | null; step: WizardStep }) {
  return (
    <nav aria-label="Setup progress">
      <ol className="progress">
        {WIZARD_STEPS.map((s) => {
          const current = s === step;
          const reachable = connector !== null && isVisited(s, connector);
          return (
            <li key={s} aria-current={current ? "step" : undefined} className={current ? "progress-current" : reachable ? "progress-visited" : undefined}>
              {reachable && !current ? <Link to={paths.wizard.getHref(connector.id, s)}>{STEP_TITLES[s]}</Link> : STEP_TITLES[s]}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

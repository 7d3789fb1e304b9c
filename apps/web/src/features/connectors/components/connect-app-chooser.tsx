import { useId, useState } from "react";
import { Link } from "react-router";
import { paths } from "../../../config/paths";

/** "Connect an app" opens the list of apps that can be connected (only Workday for now). */
export function ConnectAppChooser() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="chooser">
      <button type="button" className="button-primary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Connect an app
      </button>
      {open ? (
        <div id={panelId} className="chooser-panel" role="group" aria-label="Choose an app">
          <p>Which app do you want to connect?</p>
          <ul>
            <li>
              <Link to={paths.newConnector.getHref()} className="chooser-option">
                Workday
              </Link>
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}

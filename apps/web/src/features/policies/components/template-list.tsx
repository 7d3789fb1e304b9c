import { SEVERITY_NAMES } from "../../../lib/labels";
import type { PolicyTemplate } from "../policy-draft";

/** The templates in Workday's terms: what each looks for, why it matters, what to adjust. Choosing one fills the form. */
export function TemplateList({ templates, onChoose }: { templates: readonly PolicyTemplate[]; onChoose: (template: PolicyTemplate) => void }) {
  if (templates.length === 0) return null;
  return (
    <section aria-labelledby="templates-heading" className="policy-templates">
      <h2 id="templates-heading">Start from a template</h2>
      <ul className="plain-list template-list">
        {templates.map((t) => (
          <li key={t.id}>
            <section aria-labelledby={`template-${t.id}`} className="template">
              <h3 id={`template-${t.id}`}>{t.name}</h3>
              <p>
                <span className={`severity severity-${t.severity}`}>{SEVERITY_NAMES[t.severity]}</span>
              </p>
              <p>
                <strong>Looks for:</strong> {t.looksFor}
              </p>
              <p>
                <strong>Why:</strong> {t.why}
              </p>
              {t.adjust ? (
                <p>
                  <strong>Adjust:</strong> {t.adjust}
                </p>
              ) : null}
              <button type="button" className="button-small" onClick={() => onChoose(t)}>
                Use this template
              </button>
            </section>
          </li>
        ))}
      </ul>
    </section>
  );
}

// What the plan is, how Plan Lens is reading it, and the count per category (each a filter toggle).
import type { Category } from '../../src/analysis/types';
import { JURISDICTION_LABELS, PLAN_TYPE_LABELS } from '../../src/documents/report';
import type { TabPlan } from '../../src/extension/tab-plan-messages';
import { CATEGORIES, CATEGORY_STYLES } from '../../src/page/categories';
import { routeLabel } from '../../src/sites/google-docs';

interface Props {
  plan: TabPlan;
  shown: ReadonlySet<Category>;
  onToggle: (category: Category) => void;
}

export function Overview({ plan, shown, onToggle }: Props) {
  return (
    <section class="overview">
      <h1>{plan.title || 'This tab'}</h1>
      <p class="meta">
        <span data-testid="plan-type">{PLAN_TYPE_LABELS[plan.report.planType]}</span> · <span data-testid="jurisdiction">{JURISDICTION_LABELS[plan.report.jurisdiction]}</span>
      </p>
      {plan.source === 'google-docs' ? (
        <p class={`route route-${plan.route}`} data-testid="route">
          {routeLabel(plan)}
        </p>
      ) : (
        <p class="route route-live" data-testid="route">
          Reading this page live as you type.
        </p>
      )}
      <div class="filters" role="group" aria-label="Show findings of these kinds">
        {CATEGORIES.map((c) => {
          const n = plan.findings.filter((f) => f.category === c).length;
          return (
            <button key={c} type="button" class={`chip cat-${c}`} aria-pressed={shown.has(c)} data-category={c} onClick={() => onToggle(c)}>
              <strong>{n}</strong> {CATEGORY_STYLES[c].label.toLowerCase()}
            </button>
          );
        })}
      </div>
    </section>
  );
}

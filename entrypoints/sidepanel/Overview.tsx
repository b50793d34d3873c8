// What the plan is and how Plan Lens is reading it.
import { jurisdictionLabel, planTypeLabel } from '../../src/documents/report';
import type { TabPlan } from '../../src/extension/tab-plan-messages';
import { routeLabel } from '../../src/sites/google-docs';
import { t } from '../../src/extension/i18n';

export function Overview({ plan }: { plan: TabPlan }) {
  return (
    <header class="overview">
      <h1>{plan.title || t('panelThisTab')}</h1>
      <p class="meta">
        <span data-testid="plan-type">{planTypeLabel(t, plan.report.planType)}</span> · <span data-testid="jurisdiction">{jurisdictionLabel(t, plan.report.jurisdiction)}</span>
      </p>
      {plan.source === 'google-docs' ? (
        <p class={`route route-${plan.route}`} data-testid="route">
          {routeLabel(plan, t)}
        </p>
      ) : (
        <p class="route route-live" data-testid="route">
          {t('panelLive')}
        </p>
      )}
    </header>
  );
}

// Needs against provision, area by area, as the analyser matched them (EHCP B↔F, IDP, CSP, US IEP alike);
// a need with no provision stands out.
import type { TabPlan } from '../../src/extension/tab-plan-messages';
import { t } from '../../src/extension/i18n';

export function CoverageGrid({ plan }: { plan: TabPlan }) {
  const { coverage } = plan.report;
  if (!coverage.length) return null;
  return (
    <section class="coverage" aria-label={t('panelCoverage')}>
      <h2>{t('panelCoverage')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('panelAreaOfNeed')}</th>
            <th scope="col">{t('panelNeed')}</th>
            <th scope="col">{t('panelProvision')}</th>
          </tr>
        </thead>
        <tbody>
          {coverage.map((c) => (
            <tr key={c.area} data-area={c.area} class={c.provided ? '' : 'gap'}>
              <th scope="row">{c.area[0]!.toUpperCase() + c.area.slice(1)}</th>
              <td>✓</td>
              <td>{c.provided ? '✓' : '✗ none found'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

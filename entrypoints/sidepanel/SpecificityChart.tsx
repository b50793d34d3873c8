// Per section, the share of statements that passed every check: where the plan is specific and where it is not.
import { specificityBySection } from '../../src/documents/report';
import type { TabPlan } from '../../src/extension/tab-plan-messages';

export function SpecificityChart({ plan }: { plan: TabPlan }) {
  const rows = specificityBySection(plan.text, plan.report, plan.findings);
  if (!rows.length) return null;
  return (
    <section class="chart" aria-label="Specificity by section">
      <h2>How specific each section is</h2>
      <table>
        <tbody>
          {rows.map((r) => {
            const pct = Math.round((100 * r.specific) / r.statements);
            return (
              <tr key={r.title} data-section={r.title}>
                <th scope="row">{r.title}</th>
                <td>
                  <div class="bar" role="img" aria-label={`${r.specific} of ${r.statements} statements specific`}>
                    <div class="fill" style={{ width: `${pct}%` }} />
                  </div>
                </td>
                <td class="num" data-testid="specific">
                  {r.specific}/{r.statements}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

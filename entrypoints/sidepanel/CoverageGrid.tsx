// EHCP Section B needs against Section F provision, by area of need; a need with no provision stands out.
import { AREA_LABELS, coverageOf } from '../../src/documents/coverage';
import type { TabPlan } from '../../src/extension/tab-plan-messages';

export function CoverageGrid({ plan }: { plan: TabPlan }) {
  const coverage = coverageOf(plan.text);
  if (!coverage.found) return null;
  return (
    <section class="coverage" aria-label="Needs and provision">
      <h2>Needs (B) and provision (F)</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Area of need</th>
            <th scope="col">B</th>
            <th scope="col">F</th>
          </tr>
        </thead>
        <tbody>
          {coverage.rows.map((r) => (
            <tr key={r.area} data-area={r.area} class={r.need && !r.provision ? 'gap' : ''}>
              <th scope="row">{AREA_LABELS[r.area]}</th>
              <td>{r.need ? '✓' : '–'}</td>
              <td>{r.provision ? '✓' : r.need ? '✗ no provision found' : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

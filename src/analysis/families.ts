// The rule families a school, an LA or a user can turn on or off (Options.disabledRules takes these ids), each
// with one line saying what it catches, for the options page.
export interface RuleFamily {
  id: 'HEDGE' | 'PROV' | 'GOAL' | 'STRUCT';
  name: string;
  catches: string;
}

export const RULE_FAMILIES: readonly RuleFamily[] = [
  { id: 'HEDGE', name: 'Hedges and discretion', catches: 'Wording that lets the help not happen: "as required", "access to", "where possible", "may", "up to".' },
  { id: 'PROV', name: 'Provision not specified', catches: 'Provision that does not say what will be done, how often, for how long or who delivers it.' },
  { id: 'GOAL', name: 'Targets and outcomes', catches: 'Targets and outcomes nobody could measure: no skill you could see, no measure, no date.' },
  { id: 'STRUCT', name: 'Plan structure', catches: 'Needs with no matching provision, needs named only as a diagnosis, a missing review date.' },
];

// The rule families a school, an LA or a user can turn on or off (Options.disabledRules takes these ids). Their names
// and what each catches are UI words (public/_locales), shown by the options page.
export type RuleFamilyId = 'HEDGE' | 'PROV' | 'GOAL' | 'STRUCT';

export const RULE_FAMILIES: readonly RuleFamilyId[] = ['HEDGE', 'PROV', 'GOAL', 'STRUCT'];

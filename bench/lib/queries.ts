/** The search benchmarks' fixed query mix, by class: the words the generated archives hold. */
export const QUERY_MIX: Record<string, string[]> = {
  rare: ['spacecraft', 'bitcoin', 'сотрудничество', 'самуэль', 'pipeline'],
  medium: ['government', 'president', 'election', 'президент', 'путин', 'футбол'],
  'very common': ['the', 'and', 'of', 'в', 'и', 'не', 'the and', 'в и'],
  phrase: ['"prime minister"', '"united states"', '"new york"', '"президент россии"'],
  prefix: ['cooperat*', 'econom*', 'президен*', 'terror*', 'футбол*'],
  boolean: ['bitcoin OR spacecraft', 'government -police', 'путин ИЛИ президент', '(the OR of) software'],
  filters: [
    'government lang:en',
    'президент tag:region',
    'the tag:region/caucasus',
    'election after:2020',
    'the before:2015 lang:en',
    'is:unread путин',
    'tag:energy',
    'lang:ru after:2025',
  ],
}

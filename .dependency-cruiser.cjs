/**
 * The dependency rules of the monorepo (issue #15; `npm run lint` runs them, and a test breaks one on purpose).
 * Libraries form layers, lowest first: a library imports only libraries of lower layers (and the test helpers), never
 * one beside or above it, and never an app. Inside the incidents library the domain is the bottom: it imports neither
 * its application nor its event catalog. No cycles anywhere.
 */
const LAYERS = [['platform', 'testing'], ['event-store'], ['privacy'], ['incidents'], ['access'], ['projections'], ['messaging', 'audit'], ['runtime']];

const rank = new Map(LAYERS.flatMap((names, index) => names.map((name) => [name, index])));
const libs = [...rank.keys()];

/** For each library, the libraries it may not import: those of its own layer (but itself) and every layer above. */
const upward = libs.flatMap((lib) => {
  const forbidden = libs.filter((other) => other !== lib && other !== 'testing' && rank.get(other) >= rank.get(lib));
  if (!forbidden.length) return [];
  return [
    {
      name: `no-upward-from-${lib}`,
      comment: `libs/${lib} (layer ${rank.get(lib)}) may only import libraries of lower layers`,
      severity: 'error',
      from: { path: `^libs/${lib}/` },
      to: { path: `^libs/(${forbidden.join('|')})/` },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-apps-from-libs',
      comment: 'Libraries are what apps are made of: nothing in libs/ imports from apps/',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-app-from-another-app',
      comment: 'The api, the worker and the cli share libraries, not each other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'domain-is-the-bottom',
      comment: 'The domain (pure deciders) imports neither the application nor the event catalog above it',
      severity: 'error',
      from: { path: '^libs/incidents/src/domain/' },
      to: { path: '^libs/incidents/src/(application|events)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles (type-only imports included)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|coverage|\\.data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

/**
 * One run for everything: unit specs (*.spec.ts), integration specs against PGlite / PostgreSQL / Kafka
 * (*.int-spec.ts) and black-box suites (test/e2e). Suites needing a service skip without its URL unless
 * REQUIRE_INFRA names it (libs/testing/src/required-infra.ts).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  // jose 6 (and content-disposition, should @fastify/static move to its ES-module-only 3.x) are ES modules only: SWC turns them into
  // CommonJS for Jest (Node ≥ 20.19 requires them natively).
  transform: { '^.+\\.ts$': swc, '^.+/node_modules/(jose|content-disposition)/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition)/)'],
  moduleNameMapper: {
    '^@casebook/event-store/testing$': '<rootDir>/libs/event-store/testing/index.ts',
    '^@casebook/projections/testing$': '<rootDir>/libs/projections/testing/index.ts',
    '^@casebook/(platform|event-store|messaging|runtime|testing|incidents|access|projections|audit|privacy)$': '<rootDir>/libs/$1/src/index.ts',
  },
  testTimeout: 120_000,
  maxWorkers: 2,
  // In CI every test is listed, so the log shows which suites ran (the [postgres] and [kafka] ones included).
  verbose: Boolean(process.env.CI),
};

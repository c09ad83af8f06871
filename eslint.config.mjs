// ESLint (flat config) with typescript-eslint. `npm run lint` runs this and the type checker.
import eslint from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Architecture principle 1: a domain is pure. These packages may not be imported from any domain folder. */
export const DOMAIN_FORBIDDEN_IMPORTS = [
  { group: ['@nestjs/*'], message: 'Domain code is pure: no NestJS (architecture principle 1).' },
  { group: ['typeorm', 'typeorm/*'], message: 'Domain code is pure: no TypeORM (architecture principle 1).' },
  { group: ['pg', 'pg/*', 'pg-*', '@electric-sql/*'], message: 'Domain code is pure: no database clients (architecture principle 1).' },
  { group: ['kafkajs', '@confluentinc/*', '@platformatic/kafka'], message: 'Domain code is pure: no Kafka clients (architecture principle 1).' },
  { group: ['@eventstore/*', '@kurrent/*'], message: 'Domain code is pure: no event store clients (architecture principle 1).' },
  { group: ['@casebook/platform', '@casebook/runtime', '@casebook/messaging'], message: 'Domain code depends on no infrastructure library.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'infra/**', '.data/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules for what bites asynchronous code: a forgotten await loses errors and ordering.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    files: ['libs/*/domain/**/*.ts', 'libs/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: DOMAIN_FORBIDDEN_IMPORTS }],
      // No clocks or random ids inside a decider: time and ids arrive on the command.
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time arrives on the command (architecture principle 1).' },
        { object: 'Math', property: 'random', message: 'Ids arrive on the command (architecture principle 1).' },
      ],
    },
  },
  {
    // The console: the rules of hooks, and the React compiler's checks of what a component may do while rendering.
    files: ['apps/console/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'libs/*/testing/**/*.ts', 'libs/testing/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);

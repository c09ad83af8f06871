export * from './required-infra';
export * from './postgres-test-database';
export * from './wait-until';

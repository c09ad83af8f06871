export * from './required-infra';
export * from './wait-until';
export * from './given-when-then';
export * from './shared-spec';
export * from './free-port';
export * from './private-postgres';

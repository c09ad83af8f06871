export * from './required-infra';
export * from './wait-until';

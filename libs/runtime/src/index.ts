export * from './runtime';
export * from './runtime.module';
export * from './subscription-host';
export * from './integration-events.host';

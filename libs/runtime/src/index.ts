export * from './runtime';
export * from './runtime.module';
export * from './subscription-host';

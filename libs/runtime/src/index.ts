export * from './runtime';
export * from './runtime.module';
export * from './background-work';
export * from './audit-trail';

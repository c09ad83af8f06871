export * from './event-store.contract';
export * from './event-fixtures';
export * from './postgres-adapter.behaviour';
export * from './test-consumer';

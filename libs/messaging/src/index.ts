export * from './message-bus.port';
export * from './kafka/kafka-message-bus';
export * from './kafka/kafka-health.indicator';

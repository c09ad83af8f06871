export * from './keys/master-key';
export * from './keys/person-key-store';
export * from './sealing/sealed-text';
export * from './sealing/personal-data-declarations';
export * from './privacy-event-store';
export * from './reveal/personal-data-reveal';
export * from './retention/retention-policy';

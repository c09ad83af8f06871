export * from './principal';
export * from './jwt/token-verifier';
export * from './jwt/dev-token';
export * from './jwt/auth-secret';
export * from './access-log/access-log-writer';

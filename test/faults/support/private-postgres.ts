// The helper moved to libs/testing (the LISTEN reconnect test of libs/platform restarts a server too).
export { PrivatePostgres } from '@casebook/testing';

// Test fixtures of the read models, for the suites of other libraries (the audit export reads the same history).
export { IDS, writeScriptedHistory } from '../src/scripted-history.fixtures';

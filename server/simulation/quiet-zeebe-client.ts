// Imported first by server/simulate.ts: the Zeebe client (@camunda8/sdk)
// reads its log level from the environment as its modules load, and its info
// lines would break into the printed timeline. LOG_LEVEL-style override:
// set ZEEBE_CLIENT_LOG_LEVEL yourself to see them.
process.env.ZEEBE_CLIENT_LOG_LEVEL ??= 'NONE';

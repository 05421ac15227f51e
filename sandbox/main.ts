/**
 * `npm run sandbox`: starts the XPay sandbox from the environment (see sandbox/config.ts and
 * docs/sandbox-api.md) and stops cleanly on SIGINT/SIGTERM.
 */
import { cardKeyFile } from './card-key.js';
import { loadConfig } from './config.js';
import { startSandbox } from './server.js';

const config = loadConfig(process.env);
const sandbox = await startSandbox(config);
console.log(`XPay sandbox listening on ${sandbox.url}`);
console.log(`Test secret key: ${config.secretKey}`);
console.log(`Database: ${config.dbPath}`);
// Where the card key is, never the key: it must be kept with the database, and out of copies of it.
const keySource = config.fingerprintKey !== null ? 'XPAY_SANDBOX_FINGERPRINT_KEY' : config.dbPath === ':memory:' ? 'in memory' : cardKeyFile(config.dbPath);
console.log(`Card key: ${keySource}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}

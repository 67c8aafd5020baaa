// `npm run rotate-data-key`: re-encrypts every encrypted clinical column under the current HMS_DATA_KEY.
// Deploy HMS_DATA_KEY=<new> with HMS_DATA_KEY_PREVIOUS=<old> first (servers then read both), run this,
// then drop the old key from HMS_DATA_KEY_PREVIOUS. Safe to repeat: values already under the new key are skipped.
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../../config';
import { openDatabase } from '../../db/orm';
import { loadSecrets } from '../identity/secrets';
import { recordNow } from '../audit/audit.service';
import { Keyring, rotateDataKey, verifyDataKey } from './crypto';

async function main(): Promise<void> {
  const config = loadConfig();
  const batchArg = process.argv.find((a) => a.startsWith('--batch-size='));
  const batchSize = batchArg ? Number(batchArg.split('=')[1]) : 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new ConfigError('--batch-size must be a whole number from 1 to 10000');
  const orm = await openDatabase(config);
  try {
    const secrets = await loadSecrets(orm, config);
    const keyring = new Keyring(secrets.dataKey, config.previousDataKeys);
    // Refuses (before touching anything) when neither the new nor a previous key opens the data.
    await verifyDataKey(orm, keyring);
    console.log(`re-encrypting clinical data under key id ${keyring.current.id} (readable keys: ${keyring.ids.join(', ')}), batches of ${batchSize}`);
    const started = Date.now();
    const result = await rotateDataKey(orm, keyring, { batchSize, log: (line) => console.log(line) });
    // A key change is an audited event like any other (by the system: no signed-in actor).
    await recordNow({ orm }, null, [{
      action: 'data_key.rotate',
      entityType: 'data_key',
      entityId: result.keyId,
      changes: {
        keyId: { before: keyring.ids.filter((id) => id !== result.keyId), after: result.keyId },
        rowsReencrypted: { before: null, after: result.rows },
      },
    }]);
    const summary = Object.entries(result.rows).map(([table, n]) => `${table} ${n}`).join(', ');
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary} rows re-encrypted; every value is now under key id ${result.keyId}`);
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(`rotate-data-key failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

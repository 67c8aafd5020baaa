import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { AppDeps } from '../../context';
import { keyId, loadSecrets } from '../identity/secrets';

/**
 * Encryption at rest for clinical text: AES-256-GCM, stored as
 * `<keyId>:<base64(iv | tag | ciphertext)>`. The key id says which key sealed
 * a value, so keys can rotate: the current key encrypts, the current and any
 * previous keys (HMS_DATA_KEY_PREVIOUS) decrypt.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A value that cannot be opened: unknown key, tampered or corrupt. Never shown to clients (formatError masks it). */
export class DecryptionError extends Error {}

/** Start-up refusal: the configured key does not open this database's clinical data. */
export class DataKeyMismatchError extends Error {}

export interface DataKey {
  id: string;
  key: Buffer;
}

export class Keyring {
  readonly current: DataKey;
  private readonly byId = new Map<string, Buffer>();

  constructor(current: Buffer, previous: Buffer[] = []) {
    this.current = { id: keyId(current), key: current };
    for (const key of [current, ...previous]) if (!this.byId.has(keyId(key))) this.byId.set(keyId(key), key);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${this.current.id}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  decrypt(value: string): string {
    const colon = value.indexOf(':');
    const id = colon > 0 ? value.slice(0, colon) : '';
    const key = this.byId.get(id);
    if (!key) throw new DecryptionError(`value sealed with unknown data key id "${id.slice(0, 16)}"`);
    const raw = Buffer.from(value.slice(colon + 1), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptionError(`value under key ${id} is truncated`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError(`value under key ${id} failed authentication (wrong key or tampered)`);
    }
  }

  /** The key id a stored value names. */
  static keyIdOf(value: string): string {
    return value.slice(0, Math.max(0, value.indexOf(':')));
  }

  encryptNullable(plain: string | null | undefined): string | null {
    return plain == null ? null : this.encrypt(plain);
  }

  decryptNullable(value: string | null | undefined): string | null {
    return value == null ? null : this.decrypt(value);
  }
}

const keyrings = new WeakMap<AppDeps, Keyring>();

/** The process's keyring: secrets.dataKey encrypts; it and config.previousDataKeys decrypt. */
export function keyringOf(deps: Pick<AppDeps, 'secrets' | 'config'>): Keyring {
  let keyring = keyrings.get(deps as AppDeps);
  if (!keyring) {
    keyring = new Keyring(deps.secrets.dataKey, deps.config.previousDataKeys ?? []);
    keyrings.set(deps as AppDeps, keyring);
  }
  return keyring;
}

export const KEY_CHECK_SETTING = 'data_key_check';
/** A known plaintext sealed once per database; opening it proves the key is right. */
export const KEY_CHECK_PLAINTEXT = 'HMS data key check v1';

/**
 * Refuses to start when the configured data key cannot open this database's
 * clinical data (wrong HMS_DATA_KEY, or rotated without HMS_DATA_KEY_PREVIOUS),
 * so a wrong key stops start-up instead of serving garbage or errors later.
 * On the first start it seals the check value under the current key.
 */
export async function verifyDataKey(orm: MikroORM, keyring: Keyring): Promise<void> {
  const connection = orm.em.getConnection();
  await connection.execute('insert ignore into system_setting (name, value) values (?, ?)', [KEY_CHECK_SETTING, keyring.encrypt(KEY_CHECK_PLAINTEXT)]);
  const rows = await connection.execute<Array<{ value: string }>>('select value from system_setting where name = ?', [KEY_CHECK_SETTING]);
  const stored = rows[0].value;
  const storedId = Keyring.keyIdOf(stored);
  let opened: string | null = null;
  try {
    opened = keyring.decrypt(stored);
  } catch {
    opened = null;
  }
  if (opened !== KEY_CHECK_PLAINTEXT) {
    throw new DataKeyMismatchError(
      `HMS_DATA_KEY does not open this database's clinical records: they are sealed with data key id ${storedId}, ` +
        `but the configured key id is ${keyring.current.id}${keyring.ids.length > 1 ? ` (previous: ${keyring.ids.slice(1).join(', ')})` : ''}. ` +
        'Set HMS_DATA_KEY to the right key, or list the old key in HMS_DATA_KEY_PREVIOUS and run `npm run rotate-data-key`.',
    );
  }
  // The newest record must also be readable: catches a check value that survived a restore from another database.
  const newest = await connection.execute<Array<{ diagnosis_enc: string }>>('select diagnosis_enc from treatment order by id desc limit 1');
  if (newest.length && !keyring.has(Keyring.keyIdOf(newest[0].diagnosis_enc))) {
    throw new DataKeyMismatchError(
      `HMS_DATA_KEY does not open the newest clinical record (sealed with data key id ${Keyring.keyIdOf(newest[0].diagnosis_enc)}); ` +
        'set HMS_DATA_KEY or HMS_DATA_KEY_PREVIOUS to include that key.',
    );
  }
}

/** Columns that hold sealed values, per table. */
export const ENCRYPTED_COLUMNS: Record<string, string[]> = {
  treatment: ['diagnosis_enc', 'prescription_enc', 'medicines_enc', 'tests_ordered_enc', 'precautions_enc', 'notes_enc', 'patient_notes_enc'],
  treatment_revision: ['previous_enc'],
  // Webhook signing secrets (integrations): sealed so a database dump cannot forge deliveries.
  webhook_endpoint: ['secret_sealed'],
};

export interface RotationResult {
  /** Rows re-encrypted, per table. */
  rows: Record<string, number>;
  keyId: string;
}

/**
 * Re-encrypts every sealed column under the current key, in batches of
 * `batchSize` rows, each batch in its own transaction with the rows locked
 * (so a concurrent edit waits instead of being overwritten). Values already
 * under the current key are skipped, so an interrupted run can simply be
 * repeated. Run it after deploying HMS_DATA_KEY=<new> and
 * HMS_DATA_KEY_PREVIOUS=<old>; the running servers keep reading both.
 */
export async function rotateDataKey(orm: MikroORM, keyring: Keyring, options: { batchSize?: number; log?: (line: string) => void } = {}): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 500;
  const prefix = `${keyring.current.id}:`;
  const result: RotationResult = { rows: {}, keyId: keyring.current.id };
  for (const [table, columns] of Object.entries(ENCRYPTED_COLUMNS)) {
    const stale = columns.map((c) => `(\`${c}\` is not null and \`${c}\` not like ?)`).join(' or ');
    const staleParams = columns.map(() => `${prefix}%`);
    let lastId = 0;
    let count = 0;
    for (;;) {
      const done = await orm.em.fork().transactional(async (em: EntityManager) => {
        const connection = em.getConnection();
        const trx = em.getTransactionContext();
        const rows = (await connection.execute(
          `select id, ${columns.map((c) => `\`${c}\``).join(', ')} from \`${table}\` where id > ? and (${stale}) order by id limit ? for update`,
          [lastId, ...staleParams, batchSize],
          'all',
          trx,
        )) as Array<Record<string, string | number | null>>;
        if (rows.length) {
          // One UPDATE per batch, joined to the new values (a CASE per column is quadratic in the batch size).
          const params: unknown[] = [];
          const values = rows.map((row, i) => {
            params.push(row.id);
            for (const c of columns) {
              const value = row[c] as string | null;
              params.push(value == null || value.startsWith(prefix) ? value : keyring.encrypt(keyring.decrypt(value)));
            }
            return i === 0
              ? `select ? as id, ${columns.map((c) => `? as \`${c}\``).join(', ')}`
              : `select ?, ${columns.map(() => '?').join(', ')}`;
          });
          await connection.execute(
            `update \`${table}\` t join (${values.join(' union all ')}) v on v.id = t.id set ${columns.map((c) => `t.\`${c}\` = v.\`${c}\``).join(', ')}`,
            params,
            'run',
            trx,
          );
          lastId = Number(rows[rows.length - 1].id);
        }
        count += rows.length;
        return rows.length < batchSize;
      });
      options.log?.(`${table}: ${count} rows re-encrypted so far`);
      if (done) break;
    }
    result.rows[table] = count;
  }
  await orm.em.getConnection().execute(
    'insert into system_setting (name, value) values (?, ?) on duplicate key update value = values(value)',
    [KEY_CHECK_SETTING, keyring.encrypt(KEY_CHECK_PLAINTEXT)],
  );
  return result;
}

/** Start-up hook (called first thing in createApp): the configured data key must open this database's clinical data. */
export async function checkDataKeyAtStartup(orm: MikroORM, config: AppDeps['config']): Promise<void> {
  const secrets = await loadSecrets(orm, config);
  await verifyDataKey(orm, new Keyring(secrets.dataKey, config.previousDataKeys));
}

import type { MikroORM } from '@mikro-orm/core';
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config';

export interface Secrets {
  jwtSecret: string;
  /** The key that encrypts clinical text (AES-256-GCM) and its id. */
  dataKey: Buffer;
  dataKeyId: string;
}

/** Short, stable id of a data key, stored beside each ciphertext so keys can rotate. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/**
 * Secrets from the environment, or (in development) generated once per
 * database and kept in `system_setting`, so restarts keep sessions and data.
 */
export async function loadSecrets(orm: MikroORM, config: Config): Promise<Secrets> {
  const jwtSecret = config.jwtSecret ?? (await persistedSetting(orm, 'dev_jwt_secret', () => randomBytes(48).toString('base64')));
  const dataKey = config.dataKey ?? Buffer.from(await persistedSetting(orm, 'dev_data_key', () => randomBytes(32).toString('base64')), 'base64');
  return { jwtSecret, dataKey, dataKeyId: keyId(dataKey) };
}

async function persistedSetting(orm: MikroORM, name: string, generate: () => string): Promise<string> {
  const connection = orm.em.getConnection();
  // INSERT IGNORE: when several processes start at once, the first value wins for all.
  await connection.execute('insert ignore into system_setting (name, value) values (?, ?)', [name, generate()]);
  const rows = await connection.execute<Array<{ value: string }>>('select value from system_setting where name = ?', [name]);
  return rows[0].value;
}

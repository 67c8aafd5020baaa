// `npm run schema:emit`: writes ../schema.graphql from the code-first schema.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPubSub } from '@graphql-yoga/subscription';
import { createSchema, printSdl } from './schema';

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

createSchema(createPubSub())
  .then((schema) => {
    writeFileSync(SCHEMA_FILE, printSdl(schema));
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });

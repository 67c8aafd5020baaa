// graphql-codegen: typed documents for the React client from the committed schema.
// Run `npm run codegen` after adding or changing a graphql() document in client/src.
import type { CodegenConfig } from '@graphql-codegen/cli';

// CODEGEN_OUT lets the drift test generate into a temporary folder and compare.
const out = process.env.CODEGEN_OUT ?? 'client/src/gql/';

const config: CodegenConfig = {
  schema: './schema.graphql',
  documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', LocalDate: 'string' },
        skipTypename: false,
        // Only what the client's documents use: unrelated schema additions leave gql/ unchanged.
        onlyOperationTypes: true,
      },
    },
  },
};

export default config;

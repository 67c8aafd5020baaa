import { GraphQLScalarType } from 'graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';

/** ISO 8601 instant, always serialised in UTC with `Z` and milliseconds. */
const dateTimeConfig = DateTimeISOResolver.toConfig();
export const DateTimeScalar = new GraphQLScalarType({
  ...dateTimeConfig,
  // A valid Date (what every resolver returns) is one toISOString; anything else takes graphql-scalars' checks.
  serialize: (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : dateTimeConfig.serialize(value)),
  name: 'DateTime',
  description: 'An ISO 8601 instant, returned in UTC with Z, e.g. 2026-11-23T09:30:00.000Z.',
});

/** A calendar day (YYYY-MM-DD) in the hospital's time zone (HMS_TIMEZONE). */
export const LocalDateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'LocalDate',
  description: 'A calendar day, YYYY-MM-DD, in the hospital time zone (HMS_TIMEZONE).',
});

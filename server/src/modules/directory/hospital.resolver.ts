import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';

@ObjectType({ description: 'Facts about this hospital that clients need to show times and money the way the hospital does.' })
export class Hospital {
  @Field(() => String, { description: 'Display name (HMS_HOSPITAL_NAME).' })
  name!: string;

  @Field(() => String, { description: 'IANA time zone of the hospital (HMS_TIMEZONE); LocalDate arguments and weekly hours are in it.' })
  timezone!: string;

  @Field(() => String, { description: 'ISO 4217 currency of fees, invoices and payments (HMS_CURRENCY).' })
  currency!: string;

  @Field(() => Int, { description: 'Number of decimals of the currency, e.g. 2 for USD.' })
  currencyDigits!: number;

  @Field(() => Int, { description: 'How many days ahead a patient may book (HMS_BOOKING_WINDOW_DAYS).' })
  bookingWindowDays!: number;
}

@Resolver(() => Hospital)
export class HospitalResolver {
  @Query(() => Hospital, { description: 'The hospital\'s name, time zone, currency and booking window. Public.' })
  hospital(@Ctx() ctx: Context): Hospital {
    const { config } = ctx.deps;
    return {
      name: config.hospitalName,
      timezone: config.timezone,
      currency: config.currency,
      currencyDigits: config.currencyDigits,
      bookingWindowDays: config.bookingWindowDays,
    };
  }
}

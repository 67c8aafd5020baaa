import { Field, ObjectType } from 'type-graphql';
import { BadInputError } from '../errors';

@ObjectType({ description: 'An exact amount of money.' })
export class Money {
  @Field(() => String, { description: 'Decimal string with the currency\'s minor digits, e.g. "500.00".' })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 currency code, e.g. USD.' })
  currency!: string;
}

/** The largest amount a money column holds, in minor units (INT). */
export const MAX_MINOR = 2_147_483_647;

/** Integer minor units -> decimal string, exactly (no floating point). */
export function formatMinor(minor: number, digits: number): string {
  const negative = minor < 0;
  const digitsStr = Math.abs(minor).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? digitsStr : digitsStr.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${digitsStr.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export function money(minor: number, currency: string, digits: number): Money {
  return Object.assign(new Money(), { amount: formatMinor(minor, digits), currency });
}

/**
 * Decimal string -> integer minor units, exactly. Refuses anything that is not
 * a plain decimal with at most `digits` decimals (BAD_USER_INPUT on `field`).
 */
export function parseMinor(value: string, digits: number, field = 'amount'): number {
  const trimmed = value.trim();
  const match = /^(-?)(\d{1,12})(?:\.(\d+))?$/.exec(trimmed);
  if (!match) throw new BadInputError(`${field} must be a decimal number such as 12.50`, { [field]: 'Not a decimal number' });
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) {
    throw new BadInputError(`${field} has more than ${digits} decimals`, { [field]: `At most ${digits} decimals` });
  }
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  // Amounts are stored in signed 32-bit integer columns of minor units.
  if (minor > MAX_MINOR) throw new BadInputError(`${field} is too large`, { [field]: 'Too large' });
  return sign === '-' ? -minor : minor;
}

/**
 * One rule for every CSV and XLSX cell HMS writes (clinical, billing, reports):
 * spreadsheet apps run a cell that starts with = + - @ (or a tab or carriage
 * return before one) as a formula, so such text gets a leading quote and stays
 * text. Plain numbers ("-12.50", 42) are left as they are: they are data, not formulas.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function spreadsheetCell<T extends string | number | null | undefined>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** "£60.00" from minor units and an ISO 4217 code, with the currency's own number of decimals. */
export function formatFee(fee: { amountMinor: number; currency: string }): string {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency: fee.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(fee.amountMinor / 10 ** digits);
}

const danishInteger = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

/** Amounts in thousands of DKK, printed as in the budget document: -1.250 */
export function formatAmount(amount: number): string {
  return danishInteger.format(amount);
}

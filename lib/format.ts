/** Amounts in thousands of DKK, printed as in the budget document: -1.250 (ASCII minus, dot separators). */
export function formatAmount(amount: number): string {
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+$)/g, '.');
  return amount < 0 ? `-${digits}` : digits;
}

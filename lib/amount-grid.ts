// The amounts grid of the proposal forms (editing a proposal, correcting an unread row of an
// imported document): its fields are named "amount:<kind>:<year>"; an empty field means no line.
import type { VersionLine } from './budget/versions';
import { parseDanishAmount } from './budget/vocabulary';

const AMOUNT_FIELD = /^amount:(SERVICE|TRANSFER):(\d{4})$/;

/** The grid's amounts, and the fields whose text is no amount. */
export function amountsOf(form: Record<string, unknown>) {
  const amounts: Omit<VersionLine, 'type'>[] = [];
  const invalid: string[] = [];
  for (const [name, value] of Object.entries(form)) {
    const match = AMOUNT_FIELD.exec(name);
    if (!match || typeof value !== 'string' || !value.trim()) continue;
    try {
      amounts.push({ kind: match[1] as VersionLine['kind'], year: Number(match[2]), amount: parseDanishAmount(value) });
    } catch {
      invalid.push(name);
    }
  }
  return { amounts, invalid };
}

/**
 * The grid's checks for a form schema's superRefine, beside the other fields' so that every
 * problem shows at once: each amount that is not one, and a grid with no amount at all.
 */
export function checkAmounts(form: Record<string, unknown>, context: { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void }): void {
  const { amounts, invalid } = amountsOf(form);
  for (const name of invalid) context.addIssue({ code: 'custom', path: [name], message: 'proposalVersions.invalidAmount' });
  if (!invalid.length && !amounts.length) context.addIssue({ code: 'custom', path: [], message: 'proposalVersions.noAmounts' });
}

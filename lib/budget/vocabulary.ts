// The budget's vocabulary: proposal types, expenditure kinds and how the municipality writes
// amounts. The document parser, the spreadsheet reader, filters and forms share it; the values
// are those of the Prisma enums of the same names (vocabulary.test.ts checks they stay equal).

/** Effektivisering, Besparelse, Merindtægt, Merudgift. */
export const PROPOSAL_TYPES = ['EFFICIENCY', 'SAVING', 'EXTRA_REVENUE', 'EXTRA_EXPENDITURE'] as const;
export type ProposalType = (typeof PROPOSAL_TYPES)[number];

/** Serviceudgifter and overførselsudgifter, in the order the documents print them. */
export const EXPENDITURE_KINDS = ['SERVICE', 'TRANSFER'] as const;
export type ExpenditureKind = (typeof EXPENDITURE_KINDS)[number];

/** The types as the documents and spreadsheets name them. */
export const TYPE_NAMES: Record<ProposalType, string> = { EFFICIENCY: 'Effektivisering', SAVING: 'Besparelse', EXTRA_REVENUE: 'Merindtægt', EXTRA_EXPENDITURE: 'Merudgift' };

const TYPE_BY_NAME = new Map(PROPOSAL_TYPES.map((type) => [TYPE_NAMES[type].toLowerCase(), type]));

/** The type a Danish name stands for, in any case; undefined for an unknown name. */
export const proposalTypeNamed = (name: string): ProposalType | undefined => TYPE_BY_NAME.get(name.toLowerCase());

/** The lower-case type names, for recognising a type word cut off at a line break. */
export const TYPE_WORDS: readonly string[] = [...TYPE_BY_NAME.keys()];

/** A Danish integer amount: thousands separated by dots, a minus sign (PDFs may give U+2212 or an en dash). */
export const DANISH_AMOUNT = /^[-−–]?(?:\d{1,3}(?:\.\d{3})+|\d+)$/u;

/** Parses a Danish integer amount: `-1.250` → -1250. Throws RangeError on anything else. */
export function parseDanishAmount(text: string): number {
  const token = text.trim();
  if (!DANISH_AMOUNT.test(token)) throw new RangeError(`Ugyldigt beløb: "${text}"`);
  return Number(token.replace(/^[−–]/u, '-').replaceAll('.', ''));
}

// Writes a budget document in the seminar layout (as PDF text extraction renders it), so tests
// can own budgets with their own years and codes. Titles wrap at the title column's width and
// summaries at the summary column's, like the real document.
import { formatAmount } from '@/lib/format';

export interface SpecLine {
  type: 'Effektivisering' | 'Besparelse' | 'Merindtægt' | 'Merudgift';
  amounts: number[];
}

export interface SpecProposal {
  code: string;
  title: string;
  summary: string;
  service: SpecLine;
  transfer?: SpecLine;
}

export interface SpecList {
  heading: string;
  proposals: SpecProposal[];
}

const TITLE_WIDTH = 28;
const SUMMARY_WIDTH = 64;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

const row = (line: SpecLine) => `${line.amounts.map(formatAmount).join(' ')} ${line.type}`;

export function buildBudgetDocument(years: number[], lists: SpecList[]): string {
  const out = ['Referat af budgetseminar', ''];
  for (const list of lists) {
    out.push(list.heading, `Nr.  Titel Resume ${years.join(' ')} Type`, '');
    const totals = { service: years.map(() => 0), transfer: years.map(() => 0) };
    for (const proposal of list.proposals) {
      const [first, ...rest] = wrap(proposal.title, TITLE_WIDTH);
      out.push(`${proposal.code} ${first}`, ...rest, '', ...wrap(proposal.summary, SUMMARY_WIDTH), '', row(proposal.service), '');
      proposal.service.amounts.forEach((amount, i) => (totals.service[i]! += amount));
      if (proposal.transfer) {
        out.push(`${proposal.code} (overførsler) ${row(proposal.transfer)}`, '');
        proposal.transfer.amounts.forEach((amount, i) => (totals.transfer[i]! += amount));
      }
    }
    out.push(`  I alt, serviceudgifter   ${totals.service.map(formatAmount).join(' ')}   `);
    out.push(`  I alt, overførselsudgifter   ${totals.transfer.map(formatAmount).join(' ')}   `, '', '');
  }
  return out.join('\n');
}

const SENTENCES = [
  'Forslaget indebærer en tilpasning af serviceniveauet på området, så det svarer til niveauet i sammenlignelige kommuner.',
  'Ændringen forventes at kunne gennemføres uden væsentlige konsekvenser for borgerne, men vil kræve en omlægning af arbejdsgange.',
  'Administrationen vurderer, at besparelsen kan realiseres fuldt ud fra det andet år i budgetperioden.',
];

/** A realistic summary of several summary-column lines. */
export function sampleSummary(seed: number): string {
  return [0, 1, 2].map((i) => SENTENCES[(seed + i) % SENTENCES.length]).join(' ');
}

/** Years that no other test uses, so each test owns its budget ("Budget <first>-<last>"). */
export function uniqueYears(count = 4): number[] {
  const first = 3000 + Math.floor(Math.random() * 6000);
  return Array.from({ length: count }, (_, i) => first + i);
}

import { readFileSync } from 'node:fs';
import { parseBudgetDocument, BudgetDocumentError, formatIssue } from '@/lib/budget-document/parse';
try { console.log(JSON.stringify(parseBudgetDocument(readFileSync(process.argv[2]!, 'utf8')).lists[0]!.proposals.map(p => [p.code, p.title, p.summary, p.lines.length]), null, 1)); } catch (e) { if (e instanceof BudgetDocumentError) console.log(e.issues.map(formatIssue)); else throw e; }

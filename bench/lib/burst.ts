// The deadline burst: every organisation of a fixture, all at once, saves its general remarks,
// answers every proposal (one autosave per answer, as the form does) and submits, through the
// app's real server actions. Shared by bench:burst, fault:db-restart and bench:scale-out.
import { actionResult, callAction, leak, responsePage, type Reply } from './client';
import type { Acknowledged, BurstFixture, Party } from './fixtures';
import { formatSummary, sleep, summarise, type Sample, type Summary } from './stats';


/** The version a submission's receipt page names: fetch actions answer a redirect with x-action-redirect. */
const submittedVersion = (reply: Reply): string | undefined => /\/receipt\/(\d+);/.exec(reply.headers.get('x-action-redirect') ?? '')?.[1];
export interface BurstOptions {
  base: string;
  fixture: BurstFixture;
  actions: Record<string, string>;
  /** Mean pause before each of an organisation's requests (uniform 0–2×); 0 sends back to back. */
  thinkMs?: number;
  /**
   * Retry a failed request (as a user would press again) until this time; without it a
   * failure is counted and the organisation goes on, and does not submit after a failed save.
   */
  retryUntil?: number;
}

export interface BurstResult {
  all: Summary;
  saves: Summary;
  submits: Summary;
  acknowledged: Acknowledged;
  /** Failed replies by status and message key, e.g. "200 forms.databaseUnavailable", with counts. */
  failures: Map<string, number>;
  /** Replies that showed internal detail (stack traces, driver messages). */
  leaks: string[];
  /** Organisations that could not submit in the end. */
  unsubmitted: number;
}

const STANCES = ['OPPOSE', 'SUPPORT', 'REMARKS', 'NO_REMARKS'] as const;

/** The failure's status and, when the app answered with a message, its translation key. */
function failureKey(reply: Reply, result: Record<string, unknown> | null): string {
  const key = result?.formError ?? result?.error ?? (result?.conflict ? 'conflict' : undefined);
  return `${reply.status}${typeof key === 'string' ? ` ${key}` : ''}`;
}

export async function runBurst(options: BurstOptions): Promise<BurstResult> {
  const { base, fixture, actions } = options;
  const { saveAnswerAction: save, saveGeneralRemarksAction: remarks, submitResponseAction: submit } = actions;
  if (!save || !remarks || !submit) throw new Error('The build has no response actions; is it current?');
  const ids = { save, remarks, submit };
  const saves: Sample[] = [];
  const submits: Sample[] = [];
  const acknowledged: Acknowledged = { receipts: [], answers: [] };
  const failures = new Map<string, number>();
  const leaks: string[] = [];
  let unsubmitted = 0;

  /** Sends until the reply is accepted (or already done), retrying while `retryUntil` allows. */
  const attempt = async (send: () => Promise<Reply>, accepted: (result: Record<string, unknown> | null, reply: Reply) => 'ok' | 'done' | false, into: Sample[]) => {
    for (;;) {
      const reply = await send();
      const result = actionResult(reply);
      const verdict = accepted(result, reply);
      into.push({ ms: reply.ms, ok: verdict !== false });
      const leaked = leak(reply.body);
      if (leaked) leaks.push(`${reply.status}: …${leaked}…`);
      if (verdict) return { verdict, result, reply };
      const key = failureKey(reply, result);
      failures.set(key, (failures.get(key) ?? 0) + 1);
      if (!options.retryUntil || Date.now() > options.retryUntil) return { verdict: false as const, result, reply };
      await sleep(250 + Math.random() * 500);
    }
  };
  const think = () => (options.thinkMs ? sleep(Math.random() * 2 * options.thinkMs) : Promise.resolve());

  const organisation = async (party: Party, index: number) => {
    const page = responsePage(fixture.consultationId, party);
    const key = { consultationId: fixture.consultationId, organisationId: party.organisationId };
    // A saved-before reply ("conflict" on version 0) after a retry means an earlier attempt did commit.
    const saved = (result: Record<string, unknown> | null) => (result?.ok === true ? 'ok' : result?.conflict ? 'done' : false);
    // Paced runs start each organisation at a random moment within the first pause, as people do;
    // back-to-back runs start them all at once.
    await think();
    let complete = (
      await attempt(() => callAction(base, page, ids.remarks, [{ ...key, text: `Samlede bemærkninger fra organisation ${index + 1}.`, expectedVersion: 0 }], party), saved, saves)
    ).verdict;
    for (const [n, proposalId] of fixture.proposalIds.entries()) {
      await think();
      const answer = { ...key, proposalId, stance: STANCES[(index + n) % STANCES.length], comment: `Bemærkning ${n + 1} fra organisation ${index + 1}.`, confidential: false, expectedVersion: 0 };
      const { verdict } = await attempt(() => callAction(base, page, ids.save, [answer], party), saved, saves);
      if (verdict === 'ok') acknowledged.answers.push(`${party.organisationId}:${proposalId}`);
      complete &&= verdict;
    }
    await think();
    if (!complete) {
      unsubmitted++;
      return;
    }
    // Submitted from the review step, with its confirmation; success redirects to the receipt page.
    const { verdict, reply } = await attempt(
      () => callAction(base, page, ids.submit, { state: { status: 'idle' }, form: { ...key, confirm: 'on' } }, party),
      (r, answer) => (submittedVersion(answer) ? 'ok' : r?.formError === 'responses.errors.submitted' ? 'done' : false),
      submits,
    );
    const version = submittedVersion(reply);
    if (verdict === 'ok' && version) acknowledged.receipts.push(`${party.organisationId}:${version}`);
    if (!verdict) unsubmitted++;
  };

  const start = performance.now();
  await Promise.all(fixture.parties.map((party, index) => organisation(party, index)));
  const seconds = (performance.now() - start) / 1000;
  return { all: summarise([...saves, ...submits], seconds), saves: summarise(saves, seconds), submits: summarise(submits, seconds), acknowledged, failures, leaks, unsubmitted };
}

export function printBurst(result: BurstResult): void {
  console.log(formatSummary('  all requests', result.all));
  console.log(formatSummary('  saves       ', result.saves));
  console.log(formatSummary('  submits     ', result.submits));
  for (const [key, count] of result.failures) console.log(`  failed: ${count} × ${key}`);
  if (result.leaks.length) console.log(`  replies showing internal detail: ${result.leaks.length}, e.g. ${result.leaks[0]}`);
}

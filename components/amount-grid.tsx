'use client';

import { useTranslations } from 'next-intl';
import { EXPENDITURE_KINDS, PROPOSAL_TYPES, type ExpenditureKind, type ProposalType } from '@/lib/budget/vocabulary';
import { formatAmount } from '@/lib/format';
import { fieldError, type FormState } from '@/lib/form-state';

const cellClass = 'w-24 rounded border border-slate-500 bg-white px-2 py-1 text-right tabular-nums';

/**
 * A proposal's type per expenditure kind and its kind × year grid of amounts, fields named
 * "type:<kind>" and "amount:<kind>:<year>" (lib/amount-grid.ts reads them); what was typed comes
 * back after a refusal.
 */
export function AmountGrid({ form, years, state, typeOf, amountOf }: { form: string; years: number[]; state: FormState; typeOf: (kind: ExpenditureKind) => ProposalType; amountOf: (kind: ExpenditureKind, year: number) => number | undefined }) {
  const t = useTranslations();
  const typed = state.status === 'error' ? state.values : null;
  const cellErrors = EXPENDITURE_KINDS.flatMap((kind) =>
    years.flatMap((year) => {
      const error = fieldError(state, `amount:${kind}:${year}`);
      return error ? [{ kind, year, error, id: `${form}-amount-${kind}-${year}-error` }] : [];
    }),
  );
  return (
    <fieldset className="rounded border border-slate-300 p-3" aria-describedby={`${form}-amounts-hint`}>
      <legend className="px-1 font-semibold">{t('proposalVersions.amounts')}</legend>
      <p id={`${form}-amounts-hint`} className="text-sm text-slate-700">{t('proposalVersions.amountsHint')}</p>
      <div className="overflow-x-auto">
        <table className="table mt-2 text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col" className="px-1">{t('proposalVersions.kind')}</th>
              <th scope="col" className="px-1">{t('catalogue.colType')}</th>
              {years.map((year) => (
                <th key={year} scope="col" className="px-1 text-right">{year}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {EXPENDITURE_KINDS.map((kind) => (
              <tr key={kind} data-kind={kind}>
                <th scope="row" className="px-1 text-left font-normal">{t(`kinds.${kind}`)}</th>
                <td className="px-1">
                  <select
                    name={`type:${kind}`}
                    aria-label={t('proposalVersions.typeFor', { kind: t(`kinds.${kind}`) })}
                    defaultValue={typed?.[`type:${kind}`] ?? typeOf(kind)}
                    key={typed?.[`type:${kind}`]}
                    className="rounded border border-slate-500 bg-white px-2 py-1"
                  >
                    {PROPOSAL_TYPES.map((type) => (
                      <option key={type} value={type}>{t(`types.${type}`)}</option>
                    ))}
                  </select>
                </td>
                {years.map((year) => {
                  const name = `amount:${kind}:${year}`;
                  const stored = amountOf(kind, year);
                  const error = fieldError(state, name);
                  return (
                    <td key={year} className="px-1">
                      <input
                        name={name}
                        inputMode="numeric"
                        aria-label={t('proposalVersions.amountFor', { kind: t(`kinds.${kind}`), year })}
                        defaultValue={typed?.[name] ?? (stored === undefined ? '' : formatAmount(stored))}
                        key={typed?.[name]}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${form}-amount-${kind}-${year}-error` : undefined}
                        className={cellClass}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cellErrors.map((cell) => (
        <p key={cell.id} id={cell.id} className="form-error-message">
          {t('proposalVersions.amountFor', { kind: t(`kinds.${cell.kind}`), year: cell.year })}: {t(cell.error.key, cell.error.params)}
        </p>
      ))}
    </fieldset>
  );
}

import { useTranslations } from 'next-intl';

/** DKFDS step indicator: where a flow of several steps stands; the current step has aria-current="step". */
export function StepIndicator({ steps, current }: { steps: string[]; current: number }) {
  const t = useTranslations('app');
  return (
    <ol className="step-indicator no-print" aria-label={t('steps')}>
      {steps.map((step, index) => (
        <li key={step} aria-current={index === current ? 'step' : undefined} data-done={index < current || undefined}>
          <span className="step-number" aria-hidden="true">{index < current ? '✓' : index + 1}</span>
          <span>
            <span className="sr-only">{t('stepOf', { step: index + 1, count: steps.length })} </span>
            {step}
            {index < current && <span className="sr-only"> {t('stepDone')}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}

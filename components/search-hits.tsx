import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { HighlightedText } from '@/components/highlighted-text';
import type { OrganisationHit, ProposalHit, ResponseHit } from '@/lib/server/search';

// The hit lists of the search page, one per kind.

const link = 'text-blue-800 underline underline-offset-2';

export function ProposalHits({ hits }: { hits: ProposalHit[] }) {
  return (
    <ol className="mt-2 flex flex-col gap-3">
      {hits.map((hit) => (
        <li key={hit.id}>
          <Link href={hit.href} className={link}>
            <span className="font-mono">{hit.code}</span> <HighlightedText headline={hit.title} />
          </Link>
          <p className="text-sm">
            <HighlightedText headline={hit.excerpt} />
          </p>
        </li>
      ))}
    </ol>
  );
}

export async function ResponseHits({ hits }: { hits: ResponseHit[] }) {
  const [t, tRoot] = await Promise.all([getTranslations('search'), getTranslations()]);
  return (
    <ol className="mt-2 flex flex-col gap-3">
      {hits.map((hit, index) => (
        <li key={index}>
          <Link href={hit.href} className={link}>{hit.organisation}</Link>
          <p className="text-sm text-slate-700">
            {hit.consultation.title} · {hit.proposal ? t('answer', { code: hit.proposal.code }) : t(hit.part === 'minority' ? 'minority' : 'generalRemarks')}
            {hit.stance && ` · ${tRoot(`responses.stances.${hit.stance}`)}`}
          </p>
          <p className="text-sm">
            <HighlightedText headline={hit.excerpt} />
          </p>
        </li>
      ))}
    </ol>
  );
}

export async function OrganisationHits({ hits }: { hits: OrganisationHit[] }) {
  const tRoot = await getTranslations();
  return (
    <ol className="mt-2 flex flex-col gap-3">
      {hits.map((hit) => (
        <li key={hit.href}>
          <Link href={hit.href} className={link}>
            <HighlightedText headline={hit.name} />
          </Link>
          <p className="text-sm text-slate-700">{tRoot(`orgTypes.${hit.type}`)} · {hit.consultation.title}</p>
        </li>
      ))}
    </ol>
  );
}

import type { CommitteeLabel } from '@/lib/server/catalogue';

/** A committee is shown by its code until staff give it a name. */
export function CommitteeName({ committee }: { committee: CommitteeLabel }) {
  if (!committee.name) return <span className="font-mono">{committee.code}</span>;
  return (
    <span>
      {committee.name} <span className="font-mono text-slate-700">({committee.code})</span>
    </span>
  );
}

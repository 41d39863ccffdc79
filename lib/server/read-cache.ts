import 'server-only';
import { LRUCache } from 'lru-cache';
import { getPool } from '@/lib/server/db';

// A cache of reads that many requests make and staff change rarely (the catalogue, a
// consultation's published material, the municipality's settings), in each app instance's memory.
// Correct across instances without any message between them: every entry carries the generation
// of its topics it was computed under, and triggers on the tables those reads depend on count a
// topic's generation up in the writing transaction (see the migration read_cache_generation). Each
// cached call reads the generations first (one indexed row, one round trip) and computes afresh
// when they moved. Reading them before computing is what makes it safe: a change not yet committed
// is invisible to both, and one committed meanwhile moves the generation for the next request.
//
// Cached functions take no actor: they compute what one audience sees, and their callers decide
// who may see it. Their results are shared by every request, so they are frozen.

export type CacheTopic = 'budget' | 'consultation' | 'settings';

type Generations = Record<CacheTopic, string>;

async function readGenerations(): Promise<Generations | null> {
  const { rows } = await getPool().query<Generations>('SELECT budget::text, consultation::text, settings::text FROM "CacheGeneration" WHERE id = 1');
  return rows[0] ?? null;
}

interface Entry {
  stamp: string;
  value: Promise<unknown>;
}

// Bounded: the catalogue's free-text filter makes its keys as many as the queries people type.
const entries = new LRUCache<string, Entry>({ max: 1000 });

function deepFreeze<T>(value: T): T {
  // Typed arrays cannot be frozen; no cached read returns one.
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Wraps `compute` so that calls with equal (JSON-serialisable) arguments share one result until a
 * change to one of `topics` is committed. Concurrent calls after a change share one computation.
 */
export function cachedRead<Args extends unknown[], Result>(name: string, topics: readonly CacheTopic[], compute: (...args: Args) => Promise<Result>): (...args: Args) => Promise<Result> {
  return async (...args: Args): Promise<Result> => {
    const generations = await readGenerations();
    // Without the row (a database not migrated yet) nothing could invalidate an entry.
    if (!generations) return compute(...args);
    const key = `${name}:${JSON.stringify(args)}`;
    const stamp = topics.map((topic) => generations[topic]).join(':');
    const entry = entries.get(key);
    if (entry?.stamp === stamp) return entry.value as Promise<Result>;
    const value = compute(...args).then(deepFreeze);
    entries.set(key, { stamp, value });
    // A failed read is not kept: the next request tries again.
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}

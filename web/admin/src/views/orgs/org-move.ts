import type { Org } from '../../api/types';

const STEP = 10;
const MAX = 100000;

/**
 * The sort values that put `moved` at `index` among `siblings` (already in the wanted order, `moved`
 * included). Only the moved org changes when there is a gap; otherwise the siblings are renumbered.
 */
export function sortsAfterDrop(siblings: readonly Pick<Org, 'id' | 'sort'>[], movedId: string): Map<string, number> {
  const index = siblings.findIndex((s) => s.id === movedId);
  const prev = siblings[index - 1]?.sort;
  const next = siblings[index + 1]?.sort;
  let value: number | null = null;
  if (prev === undefined && next === undefined) value = STEP;
  else if (prev === undefined && next !== undefined) value = next > 0 ? Math.floor(next / 2) : null;
  else if (prev !== undefined && next === undefined) value = prev + STEP <= MAX ? prev + STEP : null;
  else if (prev !== undefined && next !== undefined) value = next - prev >= 2 ? Math.floor((prev + next) / 2) : null;
  if (value !== null && (prev === undefined || value > prev) && (next === undefined || value < next)) return new Map([[movedId, value]]);
  const out = new Map<string, number>();
  siblings.forEach((s, i) => {
    const want = (i + 1) * STEP;
    if (s.id === movedId || s.sort !== want) out.set(s.id, want);
  });
  return out;
}

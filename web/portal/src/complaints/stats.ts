import type { Static } from 'typebox';
import type { PublicStats } from '../../../../contracts/complaints';
import { call } from '../api';

export type Stats = Static<typeof PublicStats>;
export type StatsRow = Stats['byOrg'][number];

export function loadStats(): Promise<Stats> {
  return call<Stats>('/api/portal/complaints/stats');
}

/** A rate as a percentage with one decimal; no rate (nothing answered or rated yet) shows as a dash. */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

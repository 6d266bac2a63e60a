import type { InspectionRecord, RecordResult, ResultValue, SaveResults } from '../../api/inspections';

export interface PendingPhoto {
  id: string;
  name: string;
}

/** One checklist item as the recorder edits it: the saved answer plus photos uploaded but not yet claimed. */
export interface ResultDraft {
  itemId: string;
  seq: number;
  text: string;
  result: ResultValue | null;
  note: string;
  photos: RecordResult['photos'];
  pending: PendingPhoto[];
}

export function draftsOf(record: Pick<InspectionRecord, 'results'>): ResultDraft[] {
  return record.results.map((r) => ({ itemId: r.itemId, seq: r.seq, text: r.text, result: r.result, note: r.note, photos: r.photos, pending: [] }));
}

export interface ResultsBody {
  body: SaveResults;
  /** Items with a note or photos but no answer: the API takes answers only, so these would be lost. */
  unanswered: number[];
}

/**
 * The PUT body for what is on screen: every answered item with its note, and only photos not yet
 * claimed (a claimed photo sent again would be refused as no longer a draft).
 */
export function resultsBody(drafts: readonly ResultDraft[], summary: string, submit: boolean): ResultsBody {
  const results: SaveResults['results'] = [];
  const unanswered: number[] = [];
  for (const d of drafts) {
    if (!d.result) {
      if (d.note.trim() || d.pending.length) unanswered.push(d.seq);
      continue;
    }
    results.push({ itemId: d.itemId, result: d.result, note: d.note.trim(), ...(d.pending.length ? { photoIds: d.pending.map((p) => p.id) } : {}) });
  }
  return { body: { summary: summary.trim(), results, ...(submit ? { submit: true } : {}) }, unanswered };
}

export type Tally = { pass: number; fail: number; na: number; open: number };

export function tally(drafts: readonly Pick<ResultDraft, 'result'>[]): Tally {
  const t: Tally = { pass: 0, fail: 0, na: 0, open: 0 };
  for (const d of drafts) t[d.result ?? 'open'] += 1;
  return t;
}

/** Items still without an answer, by number: submitting needs every one answered. */
export function missingSeqs(drafts: readonly Pick<ResultDraft, 'result' | 'seq'>[]): number[] {
  return drafts.filter((d) => !d.result).map((d) => d.seq);
}

const TITLE_MAX = 40;
const NOT_IN_TITLES = /["'`;\\<>\r\n\t]/g;

/**
 * A rectification title proposed from a finding: its first line, without the characters titles refuse,
 * cut to a length a ledger column shows. The user edits it before anything is sent.
 */
export function titleFrom(description: string): string {
  const line = description.trim().split(/\r?\n/)[0] ?? '';
  const clean = line.replace(NOT_IN_TITLES, '').replace(/\s+/g, ' ').trim();
  return clean.length > TITLE_MAX ? `${clean.slice(0, TITLE_MAX - 1)}…` : clean;
}

import { clueCategories, clueLedgers, clueMethods, clueReportedLevels, clueSources, clueStatuses } from '../../../../../contracts/clues';
import type { ClueClock, ClueLedger, ClueStatus, ClueSummary } from '../../api/clues';

type Tone = 'primary' | 'success' | 'warning' | 'danger' | 'info';

// The contract's lists, in the order the filters and forms offer them.
export const sourceOrder = clueSources;
export const categoryOrder = clueCategories;
export const levelOrder = clueReportedLevels;
export const methodOrder = clueMethods;
export const statusOrder = clueStatuses;
export const ledgerOrder = clueLedgers;
export const formOrder = [1, 2, 3, 4] as const;

/** Waiting for a scope decision or an approval stands out; the terminal states are quiet. */
export const statusTag: Record<ClueStatus, Tone> = {
  registered: 'danger',
  accepted: 'primary',
  not_accepted: 'info',
  forwarded_up: 'info',
  forwarded_down: 'warning',
  repeat: 'info',
  proposed: 'warning',
  studied: 'warning',
  approved: 'primary',
  in_disposal: 'primary',
  shelved: 'info',
  transferred: 'info',
  concluded: 'primary',
  outcome_recorded: 'primary',
  closed: 'success',
};

export function isLedger(v: unknown): v is ClueLedger {
  return typeof v === 'string' && (clueLedgers as readonly string[]).includes(v);
}

/**
 * Columns of each ledger after the register number, as the practice registers keep them (开平 ledgers):
 * 受理 — date, source, 实名/匿名, reported person, category, summary; 分流办理 — decision date, method, handler;
 * 跟踪督办 — the clock that runs out first; 办结反馈 — closing date, form and measure, what the named reporter was told.
 */
export const ledgerColumns = {
  intake: ['receivedOn', 'source', 'named', 'reported', 'category', 'summary', 'status'],
  disposal: ['reported', 'category', 'scopeDecidedOn', 'method', 'owner', 'status'],
  supervision: ['reported', 'method', 'owner', 'status', 'nextClock'],
  closure: ['reported', 'closedOn', 'outcome', 'named', 'notices', 'status'],
} as const satisfies Record<ClueLedger, readonly string[]>;
export type LedgerColumn = (typeof ledgerColumns)[ClueLedger][number];

export interface ClockMark {
  /** CSS modifier: `ok` runs on time, `none` is done. */
  colour: 'ok' | 'yellow' | 'red' | 'blue' | 'none';
  labelKey: string;
}

/** A clock the server sends with no colour and no doneOn is on time; a done clock no longer runs. */
export function clockMark(clock: ClueClock): ClockMark {
  const colour = clock.doneOn ? 'none' : (clock.colour ?? 'ok');
  return { colour, labelKey: `clues.clocks.colours.${colour}` };
}

/**
 * What the closure ledger says about telling a named reporter: both notices' dates, or that none is owed
 * (匿名); never the reporter's name.
 */
export function noticeState(row: Pick<ClueSummary, 'named' | 'acceptanceNoticeOn' | 'resultNoticeOn'>): { key: string; date: string | null }[] {
  if (!row.named) return [{ key: 'clues.notices.notOwed', date: null }];
  return [
    { key: 'clues.notices.acceptance', date: row.acceptanceNoticeOn },
    { key: 'clues.notices.result', date: row.resultNoticeOn },
  ];
}

/** A built-in measure code by its locale name; a code an administrator added shows as stored. */
export function measureKey(code: string, known: (key: string) => boolean): string | null {
  const key = `clues.measures.${code}`;
  return known(key) ? key : null;
}

import type { ClueAction, ClueClock, ClueDisposal } from '../../../contracts/clues.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import type { LoadedClue } from './clues.load.js';

/**
 * How the disposal services (C) add their part to a clue's detail: the disposal record, every clock
 * (they hold the facts of the disposal clocks) and the disposal actions open to the caller.
 */
export interface DisposalPart {
  disposal: ClueDisposal | null;
  clocks: ClueClock[];
  actions: ClueAction[];
}

export type DisposalView = (db: Db | Tx, ctx: Ctx, clue: LoadedClue) => Promise<DisposalPart>;

let view: DisposalView | null = null;

/** Called once by the disposal module when it loads. */
export function registerDisposalView(fn: DisposalView): void {
  view = fn;
}

export function disposalViewOf(): DisposalView | null {
  return view;
}

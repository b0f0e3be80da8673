import type { PlanFeatureCollection } from '../plan/planFeature';
import { applyMoment } from './applyMoment';
import { isEmptyMoment, type Moment } from './moment';

/** Terra Draw's `undoRedoMaxStackSize` and Placemark's HISTORY_LIMIT; Placemark keeps 100. */
export const DEFAULT_HISTORY_SIZE = 100;

export interface HistoryStep {
  collection: PlanFeatureCollection;
  history: History;
  /** The moment that was applied (an inverse), for "undid: …" messages and for the draft. */
  applied: Moment;
}

/**
 * Undo and redo as two stacks of inverse moments (Placemark's MomentLog). Immutable: every
 * change returns a new History, so a UI store can hold it like any other value and a stale
 * closure can never undo twice. Undoing applies the top inverse and pushes *its* inverse on
 * the redo stack, so redo needs no stored copy of the forward edit and keeps generated ids.
 */
export class History {
  private constructor(
    /** Most recent last. */
    private readonly undoStack: readonly Moment[],
    private readonly redoStack: readonly Moment[],
    readonly maxSize: number,
  ) {}

  static empty(maxSize: number = DEFAULT_HISTORY_SIZE): History {
    return new History([], [], Math.max(1, Math.floor(maxSize)));
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  get undoSize(): number {
    return this.undoStack.length;
  }

  get redoSize(): number {
    return this.redoStack.length;
  }

  /** The note of the edit the next undo reverts (for the button's tooltip). */
  get nextUndoNote(): string | undefined {
    return this.undoStack.at(-1)?.note;
  }

  get nextRedoNote(): string | undefined {
    return this.redoStack.at(-1)?.note;
  }

  /**
   * Records an edit just applied, given the inverse applyMoment returned. A new edit ends the
   * redo branch (one linear history); the oldest step falls off past maxSize. Empty inverses
   * (an edit that changed nothing) are not recorded.
   */
  record(inverse: Moment): History {
    if (isEmptyMoment(inverse)) return this;
    return new History([...this.undoStack, inverse].slice(-this.maxSize), [], this.maxSize);
  }

  /** Applies `moment` to `collection` and records it: the usual path for an edit. */
  apply(collection: PlanFeatureCollection, moment: Moment): HistoryStep {
    const { collection: next, inverse } = applyMoment(collection, moment);
    return { collection: next, history: this.record(inverse), applied: moment };
  }

  /** Reverts the last edit; undefined when there is nothing to undo. */
  undo(collection: PlanFeatureCollection): HistoryStep | undefined {
    const top = this.undoStack.at(-1);
    if (!top) return undefined;
    const { collection: next, inverse } = applyMoment(collection, top);
    return { collection: next, history: new History(this.undoStack.slice(0, -1), [...this.redoStack, inverse], this.maxSize), applied: top };
  }

  /** Applies again the last undone edit; undefined when there is nothing to redo. */
  redo(collection: PlanFeatureCollection): HistoryStep | undefined {
    const top = this.redoStack.at(-1);
    if (!top) return undefined;
    const { collection: next, inverse } = applyMoment(collection, top);
    return { collection: next, history: new History([...this.undoStack, inverse], this.redoStack.slice(0, -1), this.maxSize), applied: top };
  }
}

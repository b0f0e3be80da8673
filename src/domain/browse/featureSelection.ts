import type { MeasuredLayer } from '../measure/measuredLayer';
import type { StatusResolver } from '../progress/statusAsOf';
import { CodeBook } from '../columns/layerColumns';
import { NO_STATUS } from '../progress/statusCodesAsOf';

/** Which features of a layer count, and with which status: the input of every sum the panels show. */
export interface FeatureSelection {
  /** Each feature's status as a code into statusIds; NO_STATUS: not in the plan yet. */
  codes: Uint16Array;
  statusIds: readonly string[];
  /** 1 where a feature counts; null: every feature counts. */
  mask: Uint8Array | null;
}

export interface FeatureSelectionOptions {
  /** Status codes as statusCodesAsOf gives them (the fast path); else statusOf, else the current status. */
  codes?: Uint16Array;
  /** What the codes stand for, when not the layer's own statusIds. */
  statusIds?: readonly string[];
  statusOf?: StatusResolver;
  /** A precomputed mask (the fast path); else include, else every feature. */
  mask?: Uint8Array;
  include?: (index: number) => boolean;
}

function codesFromResolver(layer: MeasuredLayer, statusOf: StatusResolver): { codes: Uint16Array; statusIds: string[] } {
  const book = new CodeBook(layer.columns.statusIds);
  const codes = new Uint16Array(layer.featureCount);
  for (let index = 0; index < layer.featureCount; index++) {
    const status = statusOf(index);
    codes[index] = status === null ? NO_STATUS : book.codeOf(status);
  }
  return { codes, statusIds: book.values };
}

export function featureSelection(layer: MeasuredLayer, options: FeatureSelectionOptions = {}): FeatureSelection {
  const resolved = options.codes
    ? { codes: options.codes, statusIds: options.statusIds ?? layer.columns.statusIds }
    : options.statusOf
      ? codesFromResolver(layer, options.statusOf)
      : { codes: layer.columns.currentStatus, statusIds: layer.columns.statusIds };
  let mask = options.mask ?? null;
  if (!mask && options.include) {
    const include = options.include;
    mask = new Uint8Array(layer.featureCount);
    for (let index = 0; index < layer.featureCount; index++) mask[index] = include(index) ? 1 : 0;
  }
  return { ...resolved, mask };
}

/** Where a long validation is, for a progress bar; `total` is 0 when a stage cannot count its work. */
export interface ValidationProgress {
  stage: ValidationStage;
  done: number;
  total: number;
}

export type ValidationStage = 'parsing' | 'structure' | 'geometry' | 'attributes';

/** Features checked between two reports: often enough for a smooth bar, rare enough to cost nothing. */
export const PROGRESS_EVERY_FEATURES = 500;

/** Plan fills let the streets show through (0–255); tests blend status colours with it. */
export const PLAN_FILL_ALPHA = 190;

/** Marked once the basemap and every plan layer have been drawn: the features' text, benchmarks and tests wait for it. */
export const FIRST_FULL_RENDER_MARK = 'plan-map:first-full-render';

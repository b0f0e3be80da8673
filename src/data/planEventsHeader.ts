/**
 * The response header on layers.json by which a server says it runs the API and its event stream
 * (/api/events), so every page, signed in or not, can follow changes to the plan; a static host
 * does not send it and is never asked for /api/, which would answer 404 in the console.
 */
export const PLAN_EVENTS_HEADER = 'X-Plan-Map-Events';

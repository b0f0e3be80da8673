import { sendJson } from '../http/apiResponses';
import { ensureReader } from '../api/accessGuards';
import type { RouteHandler } from '../api/apiContext';

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 5000;

/** GET /api/audit?layer=<id>&limit=<n>: save records, newest first. */
export const getAudit: RouteHandler = async (context, route) => {
  if (!(await ensureReader(context, route))) return;
  const layer = route.query.get('layer') ?? undefined;
  const requested = Number(route.query.get('limit') ?? DEFAULT_LIMIT);
  const limit = Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_LIMIT) : DEFAULT_LIMIT;
  sendJson(route.response, 200, { records: await context.store.audit.read({ layer, limit }) });
};

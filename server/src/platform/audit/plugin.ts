import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Db } from '../db/database.ts';
import { actorFields, openUnit, statusOfError, writeFailureRow } from '../unit-of-work/act.ts';
import { appendAuditEntry, type AuditEntryInput } from './chain.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** State-changing API requests are audited, and so are reads that declare `config.audit` (reads of protected personal data). */
function isAudited(methods: string[], config: { audit?: string } | undefined): boolean {
  return methods.some((m) => STATE_CHANGING.has(m)) || config?.audit !== undefined;
}

/** The action an audit row names: the route's `config.audit`, or else its method and pattern (never the raw URL). */
export function auditActionOf(method: string, pattern: string, config: { audit?: string } | undefined): string {
  return config?.audit ?? `${method} ${pattern}`;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** every action an API route writes audit rows under (the audit page labels each one) */
    auditActions: ReadonlySet<string>;
  }
  interface FastifyRequest {
    /** set once the request's audit row is written, or once it is known that none is due */
    auditDone?: boolean;
    /** the `x-request-id` the client sent (only a correlation field; `request.id` is the server's) */
    correlationId: string;
  }
}

const HELD = Object.freeze({ held: true });

/** Thrown inside a unit to roll it back while the handler's answer still goes out. */
class RollBack {
  constructor(readonly value: unknown) {}
}

/**
 * Every state-changing API request is one unit of work with one audit row:
 *
 * - its handler runs inside a transaction, and the modules' database handle (`unitScopedDb`)
 *   is that transaction for the request, so the services need not pass it on;
 * - after the handler, the audit row (who, in which roles, did what to which object, outcome)
 *   is written in the same transaction, then it commits, and only then does the answer leave.
 *   An audit row that cannot be written fails the request, and nothing is changed;
 * - a failure (thrown error or a 4xx/5xx status) rolls the changes back; its audit row is then
 *   written in a transaction of its own (`onSend`), as are refusals before the handler
 *   (authentication, permission, validation). A route with `config.keepFailures` commits what
 *   its handler wrote before failing (attempt counters) together with the failure's row;
 * - a caller who is not logged in and changed nothing (every refusal, or a success that wrote
 *   nothing) is logged, not audited: the log is not kept for ever, the audit log is;
 * - a read route that declares `config.audit` (a read of protected personal data) is a unit
 *   too: what it reveals leaves only once its audit row has committed, and a refused read is
 *   audited like a refused change.
 */
export function registerAuditTrail(app: FastifyInstance, deps: { pool: Db; auditKey: Buffer }): void {
  const { pool, auditKey } = deps;
  app.decorateRequest('auditDone', undefined);
  app.decorateRequest('correlationId', '');
  const actions = new Set<string>();
  app.decorate('auditActions', actions);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const config = route.config as { audit?: string } | undefined;
    const methods = [route.method].flat();
    if (!isAudited(methods, config)) return;
    for (const method of methods) if (method !== 'HEAD') actions.add(auditActionOf(method, route.url, config));
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function unitOfWork(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      return runRequestUnit(this, request, reply, handler);
    };
  });

  async function runRequestUnit(server: FastifyInstance, request: FastifyRequest, reply: FastifyReply, handler: RouteHandlerMethod) {
    const keepFailures = request.routeOptions.config.keepFailures === true;
    const kept: { failure?: { err: unknown } } = {};
    let value: unknown;
    try {
      value = await openUnit(pool, async (tx, unit) => {
        // A handler that sends its answer itself: hold the answer until the unit has committed.
        // (Not `reply` back: it is a thenable that settles only once the answer has gone, so a
        // handler returning it would wait for ever.)
        let held: { payload: unknown } | undefined;
        (reply as { send: unknown }).send = (payload?: unknown) => {
          held = { payload };
          return HELD;
        };
        let result: unknown;
        try {
          result = await handler.call(server, request, reply);
        } catch (err) {
          // Only a refusal (4xx) of a keepFailures route keeps what was written before it.
          if (!keepFailures || statusOfError(err) >= 500) throw err;
          kept.failure = { err };
        } finally {
          delete (reply as { send?: unknown }).send; // the prototype's send again
        }
        if (held) result = held.payload;
        const status = kept.failure ? statusOfError(kept.failure.err) : reply.statusCode;
        if (status >= 400 && !keepFailures) throw new RollBack(result);
        if (!request.principal && !kept.failure && !(await hasWritten(tx))) {
          logUnaudited(request, status);
        } else {
          await appendAuditEntry(tx, auditKey, entryOf(request, status), unit.chainPart);
        }
        request.auditDone = true;
        return result;
      });
    } catch (err) {
      if (err instanceof RollBack) return err.value;
      throw err;
    }
    if (kept.failure) throw kept.failure.err;
    return value;
  }

  // Whatever did not end in a committed unit: refusals before the handler, failures rolled back.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.auditDone || !isAudited([request.method], request.routeOptions.config) || !request.url.startsWith('/api/')) return payload;
    request.auditDone = true;
    if (!request.principal && request.routeOptions.config.keepFailures !== true) {
      logUnaudited(request, reply.statusCode);
      return payload;
    }
    try {
      await writeFailureRow(pool, auditKey, entryOf(request, reply.statusCode));
    } catch (err) {
      request.log.error({ err }, 'audit entry of a refused request could not be written');
    }
    return payload;
  });
}

/** Whether the transaction has written anything (it has a transaction id only once it does). */
async function hasWritten(tx: Db): Promise<boolean> {
  const res = (await tx.execute('select txid_current_if_assigned() is not null as written')) as unknown as { rows: { written: boolean }[] };
  return res.rows[0]?.written === true;
}

function logUnaudited(request: FastifyRequest, status: number): void {
  request.log.info(
    { route: request.routeOptions.url ?? null, status, correlationId: request.correlationId || undefined },
    'anonymous request changed nothing: logged, not audited',
  );
}

function entryOf(request: FastifyRequest, status: number): AuditEntryInput {
  const p = request.principal;
  const params = (request.params ?? {}) as Record<string, unknown>;
  const object = request.auditObject;
  // The route's pattern, never the raw URL: the action is bounded and not chosen by the caller.
  const pattern = request.routeOptions.url ?? '(no route)';
  return {
    ...actorFields(p),
    action: auditActionOf(request.method, pattern, request.routeOptions.config),
    objectType: object?.type ?? '',
    objectId: object?.id ?? (typeof params.id === 'string' ? params.id : ''),
    outcome: status < 400 ? 'success' : 'failure',
    status,
    detail: object?.detail ?? null,
    requestId: String(request.id),
    correlationId: request.correlationId,
    clientIp: request.ip,
    centerId: p?.type === 'staff' ? p.centerId : null,
  };
}

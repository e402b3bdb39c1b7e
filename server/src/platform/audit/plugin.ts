import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { insertAuditEntry } from './repository.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every state-changing API request writes one audit row — who, in which roles, did what to
 * which object, with what outcome — before its response leaves, whether it succeeded or not.
 * A read route that declares `config.audit` (a read of protected personal data) is audited too.
 */
export function registerAuditTrail(app: FastifyInstance, deps: { db: Db }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const isAudited = STATE_CHANGING.has(request.method) || request.routeOptions.config?.audit !== undefined;
    if (!isAudited || !request.url.startsWith('/api/')) return payload;
    try {
      await insertAuditEntry(deps.db, auditEntryOf(request, reply.statusCode));
    } catch (err) {
      request.log.error({ err }, 'audit entry could not be written');
    }
    return payload;
  });
}

function auditEntryOf(request: FastifyRequest, status: number) {
  const p = request.principal;
  const params = (request.params ?? {}) as Record<string, unknown>;
  const object = request.auditObject;
  return {
    actorType: p ? p.type : ('anonymous' as const),
    actorId: p?.id ?? null,
    actorName: p ? (p.type === 'staff' ? `${p.displayName}（${p.username}）` : `${p.name}（${p.uscc}）`) : '',
    roles: p?.type === 'staff' ? p.roles.join(',') : '',
    action: request.routeOptions.config.audit ?? `${request.method} ${request.routeOptions.url ?? request.url}`,
    objectType: object?.type ?? '',
    objectId: object?.id ?? (typeof params.id === 'string' ? params.id : ''),
    outcome: status < 400 ? ('success' as const) : ('failure' as const),
    status,
    detail: object?.detail ?? null,
    requestId: String(request.id),
    clientIp: request.ip,
  };
}

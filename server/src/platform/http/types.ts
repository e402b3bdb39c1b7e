import type { Access } from '../auth/roles.ts';
import type { Principal } from '../auth/principal.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** who may call the route; required on every route (deny by default) */
    access?: Access;
    /** the audit log's name for what a state-changing route does, e.g. `center.create`; on a read route, every call is audited */
    audit?: string;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** set by a handler so the audit row names the object acted on */
    auditObject?: { type: string; id: string; detail?: Record<string, unknown> };
  }
}

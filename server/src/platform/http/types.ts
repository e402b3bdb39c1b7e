import type { Access } from '../auth/roles.ts';
import type { Principal } from '../auth/principal.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** who may call the route; required on every route (deny by default) */
    access?: Access;
    /** the audit log's name for what a state-changing route does, e.g. `center.create`; on a read route, every call is audited */
    audit?: string;
    /**
     * a refusal (4xx) of this route is itself a change worth keeping: what the handler wrote
     * before refusing (attempt counters) commits with the failure's audit row, and the failure
     * is audited even for a caller who is not logged in (failed logins)
     */
    keepFailures?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** set by a handler so the audit row names the object acted on */
    auditObject?: { type: string; id: string; detail?: Record<string, unknown> };
  }
}

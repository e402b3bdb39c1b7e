import type { FastifyBaseLogger, FastifyError } from 'fastify';
import type { Principal } from '../auth/principal.ts';
import type { Db, Tx } from '../db/database.ts';
import { appendAuditEntry, randomChainPart, type AuditEntryInput } from '../audit/chain.ts';
import { publishEvent } from '../events/bus.ts';
import { toAppError } from '../http/error-handler.ts';
import { enqueue, type NewOutboxEntry } from '../outbox/service.ts';
import { currentUnit, runInUnit, type UnitScope } from './scope.ts';

/** Who acts when no person does: a job of the server, named. */
export type SystemPrincipal = { type: 'system'; id: string; name: string };
export type Actor = Principal | SystemPrincipal | null;

export function systemPrincipal(job: string): SystemPrincipal {
  return { type: 'system', id: `job:${job}`, name: `系统任务 ${job}` };
}

declare const unitOfWork: unique symbol;
/**
 * The transaction of a unit of work. Branded: the pool handle (`Db`) is not one, so a function
 * that must run inside the unit cannot be handed the pool by mistake. It is accepted wherever a
 * repository takes `DbOrTx`.
 */
export type ActTx = Tx & { readonly [unitOfWork]: true };

export type AuditObject = { type: string; id: string; detail?: Record<string, unknown> };

export type ActContext = {
  principal: Actor;
  centerId: string | null;
  /** the audit log's name for what is done, e.g. `queue.day_end` */
  action: string;
  object?: AuditObject;
  requestId?: string;
  correlationId?: string;
  clientIp?: string;
};

/** What the work of a unit gets besides its transaction. */
export type Unit = {
  /** names the object the audit row is about (replaces `object` of the context) */
  describe(object: AuditObject): void;
  /** an outbox entry, committed with the unit */
  enqueue(entry: NewOutboxEntry): Promise<boolean>;
  /** a NOTIFY, delivered when (and only if) the unit commits */
  notify(channel: string, payload: Record<string, unknown>): Promise<void>;
};

/**
 * One unit of work: `fn`'s changes, their outbox entries and NOTIFYs, and the audit row saying
 * who did it, commit together or not at all. An audit row that cannot be written fails the
 * action. When `fn` fails, nothing it did stays; a failure row is written afterwards (for a
 * known actor) in a transaction of its own. Inside another unit, the unit is a savepoint of it.
 */
export type Act = <T>(context: ActContext, fn: (tx: ActTx, unit: Unit) => Promise<T>) => Promise<T>;

export function actorFields(p: Actor): Pick<AuditEntryInput, 'actorType' | 'actorId' | 'actorName' | 'roles'> {
  if (!p) return { actorType: 'anonymous', actorId: null, actorName: '', roles: '' };
  switch (p.type) {
    case 'staff':
      return { actorType: 'staff', actorId: p.id, actorName: `${p.displayName}（${p.username}）`, roles: p.roles.join(',') };
    case 'enterprise':
      return { actorType: 'enterprise', actorId: p.id, actorName: `${p.name}（${p.uscc}）`, roles: '' };
    case 'system':
      return { actorType: 'system', actorId: p.id, actorName: p.name, roles: '' };
  }
}

/** The HTTP status a failure answers with (500 for anything unexpected). */
export function statusOfError(err: unknown): number {
  return toAppError(err as FastifyError).status;
}

/**
 * Opens a unit (a transaction, or a savepoint of the unit already open) and runs `fn` in it with
 * the unit as the current scope: the modules' database handle (`unitScopedDb`) is its transaction
 * until `fn` has finished.
 */
export async function openUnit<T>(pool: Db, fn: (tx: ActTx, scope: UnitScope) => Promise<T>): Promise<T> {
  const parent = currentUnit();
  const unit: UnitScope = { tx: null, chainPart: parent?.chainPart ?? randomChainPart() };
  const base = (parent?.tx ?? pool) as Db;
  return base.transaction(async (tx) => {
    unit.tx = tx;
    try {
      return await runInUnit(unit, () => fn(tx as ActTx, unit));
    } finally {
      unit.tx = null;
    }
  });
}

/** Writes one failure row in a transaction of its own (after the unit's rollback). */
export async function writeFailureRow(pool: Db, key: Buffer, entry: AuditEntryInput): Promise<void> {
  await pool.transaction((tx) => appendAuditEntry(tx, key, entry, randomChainPart()).then(() => undefined));
}

export function createAct(pool: Db, key: Buffer, log?: Pick<FastifyBaseLogger, 'error'>): Act {
  return async (context, fn) => {
    let object = context.object;
    const entry = (outcome: 'success' | 'failure', status: number): AuditEntryInput => ({
      ...actorFields(context.principal),
      action: context.action,
      objectType: object?.type ?? '',
      objectId: object?.id ?? '',
      outcome,
      status,
      detail: object?.detail ?? null,
      requestId: context.requestId ?? '',
      correlationId: context.correlationId ?? '',
      clientIp: context.clientIp ?? '',
      centerId: context.centerId,
    });
    const isNested = currentUnit() !== undefined;
    try {
      return await openUnit(pool, async (tx, scope) => {
        const unit: Unit = {
          describe: (o) => void (object = o),
          enqueue: (e) => enqueue(tx, e),
          notify: (channel, payload) => publishEvent(tx, channel, payload),
        };
        const result = await fn(tx, unit);
        await appendAuditEntry(tx, key, entry('success', 200), scope.chainPart);
        return result;
      });
    } catch (err) {
      if (!isNested && context.principal) {
        await writeFailureRow(pool, key, entry('failure', statusOfError(err))).catch((auditErr) =>
          log?.error({ err: auditErr }, 'failure audit row could not be written'),
        );
      }
      throw err;
    }
  };
}

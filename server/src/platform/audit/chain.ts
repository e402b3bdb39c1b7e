import crypto from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { BUSINESS_TIME_ZONE, type DbOrTx } from '../db/database.ts';
import { AUDIT_LIMITS, auditLog } from './tables.ts';

/** What an audit row says; chain.ts adds the time and the seal. */
export type AuditEntryInput = {
  actorType: 'staff' | 'enterprise' | 'anonymous' | 'system';
  actorId: string | null;
  actorName: string;
  roles: string;
  action: string;
  objectType: string;
  objectId: string;
  outcome: 'success' | 'failure';
  status: number;
  detail: unknown;
  requestId: string;
  correlationId: string;
  clientIp: string;
  centerId: string | null;
};

/** Partitions per day: concurrent writers pick one at random, so they rarely wait on each other. */
export const AUDIT_CHAIN_PARTS = 8;
/** First key of the two-key advisory lock that guards a chain's end (ASCII "AUDT"). */
const CHAIN_LOCK_CLASS = 0x41554454;

export function randomChainPart(): number {
  return crypto.randomInt(AUDIT_CHAIN_PARTS);
}

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The business day (Asia/Shanghai) of a moment, YYYY-MM-DD. */
export function businessDayOf(at: Date): string {
  return dayFormat.format(at);
}

/**
 * Characters PostgreSQL refuses in text and JSON (NUL, unpaired surrogates) become U+FFFD, so
 * the content of a request can never stop its own audit row from being written.
 */
export function cleanText(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- NUL is exactly what must go
  const cleaned = value.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  if (cleaned.length <= max) return cleaned;
  // never cut a surrogate pair in two
  return cleaned.slice(0, /[\uD800-\uDBFF]/.test(cleaned[max - 1] ?? '') ? max - 1 : max);
}

function cleanJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value, AUDIT_LIMITS.detail);
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (depth > 8) return null;
  if (Array.isArray(value)) return value.map((v) => cleanJson(v, depth + 1));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && typeof v !== 'function')
        .map(([k, v]) => [cleanText(k, 100), cleanJson(v, depth + 1)]),
    );
  }
  return null;
}

/** The detail as kept: clean, and at most AUDIT_LIMITS.detail characters of JSON (else a cut-off preview). */
export function boundedDetail(detail: unknown): unknown {
  if (detail === undefined || detail === null) return null;
  const clean = cleanJson(detail);
  const text = JSON.stringify(clean);
  if (text.length <= AUDIT_LIMITS.detail) return clean;
  return { truncated: true, preview: cleanText(text.slice(0, 1000), 1000) };
}

/** An entry cut to the bounds of the table and cleaned of characters the database refuses. */
export function boundedEntry(entry: AuditEntryInput): AuditEntryInput {
  const L = AUDIT_LIMITS;
  return {
    ...entry,
    actorId: entry.actorId === null ? null : cleanText(entry.actorId, 100),
    actorName: cleanText(entry.actorName, L.actorName),
    roles: cleanText(entry.roles, L.roles),
    action: cleanText(entry.action, L.action),
    objectType: cleanText(entry.objectType, L.objectType),
    objectId: cleanText(entry.objectId, L.objectId),
    detail: boundedDetail(entry.detail),
    requestId: cleanText(entry.requestId, L.requestId),
    correlationId: cleanText(entry.correlationId, L.correlationId),
    clientIp: cleanText(entry.clientIp, L.clientIp),
    centerId: entry.centerId === null ? null : cleanText(entry.centerId, 100),
  };
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type SealedFields = AuditEntryInput & { at: Date; chainDay: string; chainPart: number; chainSeq: number; prevMac: string };

/** HMAC-SM3 over the row's content and the MAC of the row before it (hex). */
export function macOf(key: Buffer, row: SealedFields): string {
  const fields = [
    'v1',
    row.chainDay,
    row.chainPart,
    row.chainSeq,
    row.prevMac,
    row.at.toISOString(),
    row.actorType,
    row.actorId,
    row.actorName,
    row.roles,
    row.action,
    row.objectType,
    row.objectId,
    row.outcome,
    row.status,
    canonicalJson(row.detail),
    row.requestId,
    row.correlationId,
    row.clientIp,
    row.centerId,
  ];
  return crypto.createHmac('sm3', key).update(JSON.stringify(fields)).digest('hex');
}

function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

/** Waits for any writer still adding to this chain (held until the transaction ends). */
export async function lockChain(tx: DbOrTx, day: string, part: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_CLASS}::int, ${dayNumber(day) * 64 + part}::int)`);
}

/**
 * Appends one sealed row. Call it inside the transaction of the change it records: the chain's
 * end stays locked until that transaction ends, and the row commits or rolls back with it.
 */
export async function appendAuditEntry(tx: DbOrTx, key: Buffer, entry: AuditEntryInput, part: number): Promise<number> {
  const clean = boundedEntry(entry);
  const at = new Date();
  const chainDay = businessDayOf(at);
  await lockChain(tx, chainDay, part);
  const [last] = await tx
    .select({ seq: auditLog.chainSeq, mac: auditLog.mac })
    .from(auditLog)
    .where(and(eq(auditLog.chainDay, chainDay), eq(auditLog.chainPart, part)))
    .orderBy(desc(auditLog.chainSeq))
    .limit(1);
  const sealed: SealedFields = { ...clean, at, chainDay, chainPart: part, chainSeq: (last?.seq ?? 0) + 1, prevMac: last?.mac ?? '' };
  const [row] = await tx
    .insert(auditLog)
    .values({ ...sealed, mac: macOf(key, sealed) })
    .returning({ id: auditLog.id });
  return row!.id;
}

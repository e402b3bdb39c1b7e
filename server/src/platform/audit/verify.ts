import crypto from 'node:crypto';
import { and, asc, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { AUDIT_CHAIN_PARTS, businessDayOf, lockChain, macOf, type SealedFields } from './chain.ts';
import { auditAnchors, auditLog } from './tables.ts';

export type BrokenLink = {
  day: string;
  part: number | null;
  seq: number | null;
  /** the audit row's id, when the break is at a row */
  id: number | null;
  problem: 'mac' | 'link' | 'gap' | 'unsealed' | 'anchor';
  message: string;
};

export type VerifyReport = { days: number; rows: number; broken: BrokenLink | null };

type AnchorChains = [part: number, lastSeq: number, lastMac: string][];

/** The seal over a day's chain ends. */
export function anchorOf(key: Buffer, day: string, chains: AnchorChains): string {
  return crypto.createHmac('sm3', key).update(JSON.stringify(['anchor-v1', day, chains])).digest('hex');
}

async function chainEnds(db: Db, day: string): Promise<{ chains: AnchorChains; rows: number }> {
  const ends = await db
    .select({ part: auditLog.chainPart, seq: sql<number>`max(${auditLog.chainSeq})`.mapWith(Number), n: sql<number>`count(*)`.mapWith(Number) })
    .from(auditLog)
    .where(eq(auditLog.chainDay, day))
    .groupBy(auditLog.chainPart)
    .orderBy(asc(auditLog.chainPart));
  const chains: AnchorChains = [];
  let rows = 0;
  for (const end of ends) {
    const [last] = await db
      .select({ mac: auditLog.mac })
      .from(auditLog)
      .where(and(eq(auditLog.chainDay, day), eq(auditLog.chainPart, end.part!), eq(auditLog.chainSeq, end.seq)));
    chains.push([end.part!, end.seq, last?.mac ?? '']);
    rows += end.n;
  }
  return { chains, rows };
}

/**
 * Anchors every finished business day (ended at least `graceMinutes` ago) that has sealed rows
 * and no anchor yet. Returns the anchors written; the caller writes them to the log.
 */
export async function anchorFinishedDays(db: Db, key: Buffer, now = new Date(), graceMinutes = 5) {
  const before = businessDayOf(new Date(now.getTime() - graceMinutes * 60_000));
  const days = await db
    .selectDistinct({ day: auditLog.chainDay })
    .from(auditLog)
    .where(and(isNotNull(auditLog.chainDay), lt(auditLog.chainDay, before), sql`${auditLog.chainDay} not in (select ${auditAnchors.day} from ${auditAnchors})`))
    .orderBy(asc(auditLog.chainDay));
  const written: { day: string; anchor: string; rows: number }[] = [];
  for (const { day } of days) {
    const anchor = await db.transaction(async (tx) => {
      // wait for any writer still finishing a row of that day
      for (let part = 0; part < AUDIT_CHAIN_PARTS; part++) await lockChain(tx, day!, part);
      const { chains, rows } = await chainEnds(tx as unknown as Db, day!);
      const value = { day: day!, chains, rows, anchor: anchorOf(key, day!, chains) };
      const inserted = await tx.insert(auditAnchors).values(value).onConflictDoNothing().returning({ day: auditAnchors.day });
      return inserted.length ? value : null;
    });
    if (anchor) written.push({ day: anchor.day, anchor: anchor.anchor, rows: anchor.rows });
  }
  return written;
}

export async function listAnchors(db: Db, from?: string) {
  return db
    .select({ day: auditAnchors.day, anchor: auditAnchors.anchor, rows: auditAnchors.rows, chains: auditAnchors.chains })
    .from(auditAnchors)
    .where(from ? gte(auditAnchors.day, from) : undefined)
    .orderBy(asc(auditAnchors.day));
}

const PAGE = 2000;

/**
 * Checks every sealed row from `from` (a business day) on: each row's MAC over its content and
 * its predecessor's MAC, each chain counting 1, 2, 3… without a gap, each finished day against
 * its anchor (rows removed from the end of a day), and no unsealed row after the first sealed
 * one. Stops at the first broken link.
 */
export async function verifyAuditLog(db: Db, key: Buffer, options: { from?: string } = {}): Promise<VerifyReport> {
  const report: VerifyReport = { days: 0, rows: 0, broken: null };
  const [firstSealed] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(isNotNull(auditLog.mac))
    .orderBy(asc(auditLog.id))
    .limit(1);
  if (firstSealed) {
    const [unsealed] = await db
      .select({ id: auditLog.id, at: auditLog.at })
      .from(auditLog)
      .where(and(isNull(auditLog.mac), gte(auditLog.id, firstSealed.id), options.from ? gte(auditLog.at, sql`${options.from}::date`) : undefined))
      .orderBy(asc(auditLog.id))
      .limit(1);
    if (unsealed) {
      report.broken = {
        day: businessDayOf(unsealed.at),
        part: null,
        seq: null,
        id: unsealed.id,
        problem: 'unsealed',
        message: `第 ${unsealed.id} 行没有封印（MAC），不是由本系统写入的`,
      };
      return report;
    }
  }
  const days = (
    await db
      .selectDistinct({ day: auditLog.chainDay })
      .from(auditLog)
      .where(and(isNotNull(auditLog.chainDay), options.from ? gte(auditLog.chainDay, options.from) : undefined))
      .orderBy(asc(auditLog.chainDay))
  ).map((d) => d.day!);
  const anchored = new Map((await listAnchors(db, options.from)).map((a) => [a.day, a]));
  for (const day of new Set([...days, ...anchored.keys()].sort())) {
    report.days += 1;
    for (let part = 0; part < AUDIT_CHAIN_PARTS; part++) {
      let expectedSeq = 1;
      let prevMac = '';
      for (;;) {
        const rows = await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.chainDay, day), eq(auditLog.chainPart, part), gte(auditLog.chainSeq, expectedSeq)))
          .orderBy(asc(auditLog.chainSeq))
          .limit(PAGE);
        for (const row of rows) {
          const at = { day, part, seq: row.chainSeq, id: row.id };
          if (row.chainSeq !== expectedSeq) {
            report.broken = { ...at, problem: 'gap', message: `${day} 第 ${part} 链缺少第 ${expectedSeq} 条（下一条是第 ${row.chainSeq} 条，第 ${row.id} 行）` };
            return report;
          }
          if (row.prevMac !== prevMac) {
            report.broken = { ...at, problem: 'link', message: `第 ${row.id} 行（${day} 第 ${part} 链第 ${row.chainSeq} 条）与前一条的封印不相连` };
            return report;
          }
          const sealed: SealedFields = {
            ...row,
            detail: row.detail ?? null,
            chainDay: day,
            chainPart: part,
            chainSeq: row.chainSeq!,
            prevMac: row.prevMac ?? '',
          };
          if (macOf(key, sealed) !== row.mac) {
            report.broken = { ...at, problem: 'mac', message: `第 ${row.id} 行（${day} 第 ${part} 链第 ${row.chainSeq} 条）的内容在写入后被改动过` };
            return report;
          }
          report.rows += 1;
          expectedSeq += 1;
          prevMac = row.mac!;
        }
        if (rows.length < PAGE) break;
      }
    }
    const anchor = anchored.get(day);
    if (anchor) {
      const stored = anchor.chains as AnchorChains;
      const current = await chainEnds(db, day);
      const problem =
        anchorOf(key, day, stored) !== anchor.anchor
          ? `${day} 的日锚点本身被改动过`
          : JSON.stringify(current.chains) !== JSON.stringify(stored)
            ? `${day} 的记录与当日锚点不符（当日末尾的记录被删除或添加过）`
            : null;
      if (problem) {
        report.broken = { day, part: null, seq: null, id: null, problem: 'anchor', message: problem };
        return report;
      }
    }
  }
  return report;
}

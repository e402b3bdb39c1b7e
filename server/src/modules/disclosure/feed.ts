import type { Db } from '../../platform/db/database.ts';
import type { Config } from '../../config.ts';
import type { DisclosureFeed, MonthlyFigures, ProcessingResult } from './contract.ts';
import { getMonthlyFigures, getResults } from './service.ts';

/** How many of the latest results the feeds carry. */
export const FEED_RESULTS = 50;
const DECISION_LABELS = { approved: '准予', rejected: '不予' } as const;

/** The same content for the provincial platform, as JSON and as an Atom feed (RFC 4287). */
export async function getFeed(deps: { db: Db; config: Config }, centerId: string, now = new Date()): Promise<DisclosureFeed> {
  const [{ center, ...figures }, results] = await Promise.all([getMonthlyFigures(deps, centerId, {}, now), getResults(deps.db, centerId, { page: 1, pageSize: FEED_RESULTS })]);
  return { center, generatedAt: now.toISOString(), figures, results: results.results };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const percent = (x: number | null, scale = 100) => (x === null ? '—' : `${Math.round(x * scale * 10) / 10}%`);
/** A business date as the Atom date-time of its start in Asia/Shanghai. */
const dayStart = (date: string) => `${date}T00:00:00+08:00`;

export function figuresSummary(f: Omit<MonthlyFigures, 'center'>): string {
  return [
    `评价 ${f.evaluations.rated} 次，好评率 ${percent(f.evaluations.goodRate)}，差评整改 ${f.evaluations.rectified} 件`,
    `办结 ${f.timeLimits.decided} 件，按时办结率 ${percent(f.timeLimits.onTimeRate)}`,
    `3 个工作日内可预约事项 ${f.appointments.meeting}/${f.appointments.total}`,
    `诉求按时响应率 ${percent(f.feedback.rate, 1)}`,
  ].join('；');
}

export function resultTitle(r: ProcessingResult): string {
  return `${r.number} ${r.itemName}：${DECISION_LABELS[r.decision]}（${r.applicantName}）`;
}

export function toAtom(feed: DisclosureFeed, selfUrl: string): string {
  const base = `urn:banshi:disclosure:${feed.center.id}`;
  const entry = (id: string, title: string, updated: string, content: string) =>
    `  <entry>\n    <id>${escape(id)}</id>\n    <title>${escape(title)}</title>\n    <updated>${updated}</updated>\n    <content type="text">${escape(content)}</content>\n  </entry>`;
  const f = feed.figures;
  const entries = [
    entry(`${base}:figures:${f.month}`, `${f.month} 月度数据`, dayStart(f.to), figuresSummary(f)),
    ...feed.results.map((r) =>
      entry(`${base}:result:${r.number}`, resultTitle(r), dayStart(r.decidedOn), `办件编号 ${r.number}；事项 ${r.itemName}；申请人 ${r.applicantName}；结果 ${DECISION_LABELS[r.decision]}；日期 ${r.decidedOn}`),
    ),
  ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escape(base)}</id>`,
    `  <title>${escape(feed.center.name)}信息公开</title>`,
    `  <updated>${feed.generatedAt}</updated>`,
    `  <link rel="self" href="${escape(selfUrl)}"/>`,
    `  <author><name>${escape(feed.center.name)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

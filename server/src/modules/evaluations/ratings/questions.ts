import { AppError } from '../../../platform/errors.ts';
import type { QuestionSetCode } from '../contract.ts';

/**
 * The question sets of 好差评 (GB/T 39734, Guangdong's evaluator record) as data: the aspects a
 * rater judges and, for each aspect, the option tags offered for the level chosen. Good tags go
 * with 满意/非常满意, suggestions with 基本满意, problems with 不满意/非常不满意; a tag of another
 * band or another set is refused.
 */

export type LevelBand = 'good' | 'neutral' | 'bad';
export const bandOf = (level: number): LevelBand => (level >= 4 ? 'good' : level === 3 ? 'neutral' : 'bad');

type TagsByBand = Record<LevelBand, [code: string, label: string][]>;
type Aspect = { code: string; label: string; tags: TagsByBand };
export type QuestionSet = { code: QuestionSetCode; label: string; aspects: Aspect[] };

const overall: Aspect = { code: 'overall', label: '整体满意度', tags: { good: [], neutral: [], bad: [] } };

export const QUESTION_SET_DATA: Record<QuestionSetCode, QuestionSet> = {
  in_person: {
    code: 'in_person',
    label: '现场办事评价',
    aspects: [
      overall,
      {
        code: 'efficiency',
        label: '服务效率',
        tags: {
          good: [['fast', '办理快捷'], ['one_trip', '一次办成']],
          neutral: [['wait_average', '等候时间一般'], ['could_be_faster', '办理速度有待提高']],
          bad: [['long_wait', '等候时间长'], ['many_trips', '多次跑动'], ['delayed', '办理拖延']],
        },
      },
      {
        code: 'competence',
        label: '服务水平',
        tags: {
          good: [['skilled', '业务熟练'], ['clear_notice', '一次性告知清楚']],
          neutral: [['explain_more', '解释说明有待加强']],
          bad: [['unskilled', '业务不熟练'], ['unclear_notice', '告知不清、反复补材料'], ['extra_materials', '要求规定以外的材料']],
        },
      },
      {
        code: 'attitude',
        label: '服务态度',
        tags: {
          good: [['friendly', '热情耐心'], ['proactive', '主动服务']],
          neutral: [['attitude_average', '态度一般']],
          bad: [['rude', '态度生硬'], ['impatient', '不耐烦'], ['passing_buck', '推诿扯皮']],
        },
      },
    ],
  },
  online: {
    code: 'online',
    label: '网上办事评价',
    aspects: [
      overall,
      {
        code: 'efficiency',
        label: '办事效率',
        tags: {
          good: [['fast_review', '审核快'], ['on_time', '按时办结']],
          neutral: [['progress_average', '办理进度一般']],
          bad: [['slow_review', '审核慢'], ['overdue', '超时未办结'], ['progress_unclear', '进度不透明']],
        },
      },
      {
        code: 'guide_accuracy',
        label: '办事指南精确度',
        tags: {
          good: [['guide_clear', '指南清晰准确']],
          neutral: [['guide_partly_unclear', '部分内容不够清楚']],
          bad: [['guide_wrong', '指南与实际不符'], ['materials_unclear', '材料要求不明确']],
        },
      },
      {
        code: 'convenience',
        label: '办事便捷度',
        tags: {
          good: [['no_trip', '全程网办不用跑'], ['fewer_materials', '材料精简']],
          neutral: [['one_trip_needed', '仍需跑动一次']],
          bad: [['many_trips', '需多次跑动'], ['repeat_materials', '重复提交材料']],
        },
      },
      {
        code: 'usability',
        label: '平台操作性',
        tags: {
          good: [['easy', '操作简便'], ['stable', '系统稳定']],
          neutral: [['usable', '操作一般']],
          bad: [['hard', '操作复杂'], ['errors', '系统卡顿出错']],
        },
      },
    ],
  },
};

/** A tag's code is `<aspect>.<option>`, unique within its set. */
export function tagsFor(set: QuestionSetCode, level: number): { code: string; label: string; aspect: string }[] {
  const band = bandOf(level);
  return QUESTION_SET_DATA[set].aspects.flatMap((a) => a.tags[band].map(([code, label]) => ({ code: `${a.code}.${code}`, label, aspect: a.label })));
}

export function labelOfTag(set: QuestionSetCode, code: string): string {
  for (const a of QUESTION_SET_DATA[set].aspects) {
    for (const band of ['good', 'neutral', 'bad'] as const) {
      const found = a.tags[band].find(([c]) => `${a.code}.${c}` === code);
      if (found) return found[1];
    }
  }
  return code;
}

/** Refuses tags not offered for this set and level; returns them without repeats. */
export function checkTags(set: QuestionSetCode, level: number, tags: string[]): string[] {
  const allowed = new Set(tagsFor(set, level).map((t) => t.code));
  const wrong = tags.filter((t) => !allowed.has(t));
  if (wrong.length > 0) {
    const message = `评价选项“${wrong.join('、')}”不适用于所选的满意程度`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'tags', message }]);
  }
  return [...new Set(tags)];
}

/**
 * Which set a service is rated on follows how the service was sought, not the channel of the
 * rating (evaluator, portal, SMS link, phone, default): an application made online is rated on the
 * online set; a visit, or an application taken at a counter (or in any other way in person), on
 * the in-person set. `channel` is the subject's: the ticket's or the application's.
 */
export function questionSetOf(subject: { kind: 'visit' | 'application'; channel: string }): QuestionSetCode {
  return subject.kind === 'application' && subject.channel === 'online' ? 'online' : 'in_person';
}

/** The sets as the rating forms render them. */
export function questionSetsForForms() {
  return (Object.keys(QUESTION_SET_DATA) as QuestionSetCode[]).map((code) => {
    const set = QUESTION_SET_DATA[code];
    return {
      code,
      label: set.label,
      aspects: set.aspects.map((a) => a.label),
      levels: [5, 4, 3, 2, 1].map((level) => ({ level, tags: tagsFor(code, level) })),
    };
  });
}

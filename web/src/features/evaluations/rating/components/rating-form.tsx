import { Alert, Button, Flex, Input, Spin, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { trating } from '../../../../locales/evaluations.zh-CN.ts';
import type { RatingAnswer } from '../api.ts';
import { useQuestionSets } from '../queries.ts';

/** Each level's colour, dark enough for 4.5:1 against white as text and as the background of white text (WCAG AA). */
export const LEVEL_COLOURS: Record<number, string> = { 5: '#237804', 4: '#3f6600', 3: '#876800', 2: '#ad4e00', 1: '#cf1322' };

type Props = {
  questionSet: 'in_person' | 'online';
  /** the rater may stay anonymous (portal, phone link); devices in the hall rate as the visit was taken */
  allowAnonymous?: boolean;
  /** the rater is known, so the rating is real-name unless they choose anonymous */
  isRealNamePossible?: boolean;
  /** large type for the evaluator and the kiosk */
  isLarge?: boolean;
  onSubmit: (answer: RatingAnswer) => Promise<unknown>;
};

/**
 * The one rating form of every channel: five levels, the option tags of the level chosen (good
 * ones for 满意, suggestions for 基本满意, problems for 不满意), a comment and the anonymous switch.
 */
export function RatingForm({ questionSet, allowAnonymous = false, isRealNamePossible = false, isLarge = false, onSubmit }: Props) {
  const sets = useQuestionSets();
  const [level, setLevel] = useState<number | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [isAnonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);

  if (!sets.data) return <Spin />;
  const set = sets.data.find((s) => s.code === questionSet)!;
  const options = level === null ? [] : (set.levels.find((l) => l.level === level)?.tags ?? []);
  const scale = isLarge ? 1.5 : 1;

  const choose = (l: number) => {
    setLevel(l);
    setTags([]);
  };
  const submit = async () => {
    if (level === null) return;
    setSending(true);
    setError(null);
    try {
      await onSubmit({ level, tags, comment, isAnonymous });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Flex vertical gap={16 * scale} data-testid="rating-form" style={{ maxWidth: 720, margin: '0 auto', width: '100%' }}>
      <Typography.Text type="secondary" style={{ fontSize: 14 * scale }}>
        {set.label} · {set.aspects.join('、')}
      </Typography.Text>
      <Flex gap={8 * scale} wrap justify="center">
        {[5, 4, 3, 2, 1].map((l) => (
          <Button
            key={l}
            data-testid={`rate-${l}`}
            size="large"
            onClick={() => choose(l)}
            style={{
              height: 56 * scale,
              minWidth: 96 * scale,
              fontSize: 16 * scale,
              borderColor: LEVEL_COLOURS[l],
              color: level === l ? '#fff' : LEVEL_COLOURS[l],
              background: level === l ? LEVEL_COLOURS[l] : undefined,
            }}
          >
            {trating.levels[l]}
          </Button>
        ))}
      </Flex>
      {level === null ? (
        <Typography.Text style={{ textAlign: 'center', fontSize: 16 * scale }}>{trating.form.chooseLevel}</Typography.Text>
      ) : (
        <>
          {options.length > 0 && (
            <div>
              <Typography.Text strong style={{ fontSize: 15 * scale }}>
                {level >= 4 ? trating.form.tagsGood : level === 3 ? trating.form.tagsNeutral : trating.form.tagsBad}
              </Typography.Text>
              <Flex gap={8} wrap style={{ marginTop: 8 }}>
                {options.map((o) => (
                  <Tag.CheckableTag
                    key={o.code}
                    data-testid={`tag-${o.code}`}
                    checked={tags.includes(o.code)}
                    onChange={(checked) => setTags(checked ? [...tags, o.code] : tags.filter((x) => x !== o.code))}
                    style={{ fontSize: 15 * scale, padding: `${4 * scale}px ${10 * scale}px`, border: '1px solid #d9d9d9' }}
                  >
                    {o.label}
                  </Tag.CheckableTag>
                ))}
              </Flex>
            </div>
          )}
          <Input.TextArea
            rows={3}
            maxLength={500}
            value={comment}
            data-testid="rating-comment"
            onChange={(e) => setComment(e.target.value)}
            placeholder={level <= 2 ? trating.form.commentBadPlaceholder : trating.form.commentPlaceholder}
            style={{ fontSize: 15 * scale }}
          />
          {allowAnonymous && (
            <Flex gap={8} align="center">
              <Switch checked={isAnonymous} onChange={setAnonymous} data-testid="rating-anonymous" />
              <span>{trating.form.anonymous}</span>
              <Typography.Text type="secondary">{isAnonymous ? trating.form.anonymousHint : isRealNamePossible ? trating.form.realNameHint : ''}</Typography.Text>
            </Flex>
          )}
          <Button type="primary" size="large" loading={isSending} data-testid="rating-submit" onClick={() => void submit()} style={{ height: 48 * scale, fontSize: 18 * scale }}>
            {trating.form.submit}
          </Button>
        </>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Flex>
  );
}

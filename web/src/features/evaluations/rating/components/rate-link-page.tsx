import { Alert, Button, Card, Flex, Input, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { trating } from '../../../../locales/evaluations.zh-CN.ts';
import { rateByInvitation, type InvitationView } from '../api.ts';
import { useAddByInvitation, useInvitation } from '../queries.ts';
import { RatingForm } from './rating-form.tsx';
import { SubjectCard } from './subject-card.tsx';

const at = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });

/**
 * The phone's rating page (/rate/<token>), opened from the evaluator's QR code or the SMS link:
 * public, one rating. A service already rated (through this link or any other channel) shows its
 * rating instead of the form, with one 追评 while the period allows.
 */
export function RateLinkPage() {
  const { token = '' } = useParams();
  const invitation = useInvitation(token);
  const [done, setDone] = useState<number | null>(null);

  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {trating.link.title}
      </Typography.Title>
      {invitation.isPending ? (
        <Spin />
      ) : invitation.isError ? (
        <Result status="warning" title={trating.link.invalid} subTitle={invitation.error.message} />
      ) : done !== null ? (
        <Result status="success" title={done <= 2 ? trating.form.thanksBad : trating.form.thanks} />
      ) : invitation.data.rated ? (
        <RatedView token={token} view={invitation.data} rated={invitation.data.rated} />
      ) : (
        <Flex vertical gap={16}>
          <SubjectCard subject={invitation.data} />
          <Card size="small">
            <RatingForm
              questionSet={invitation.data.questionSet}
              allowAnonymous
              isRealNamePossible={invitation.data.isRealNamePossible}
              onSubmit={async (answer) => {
                const created = await rateByInvitation(token, answer);
                setDone(created.level);
              }}
            />
          </Card>
        </Flex>
      )}
    </div>
  );
}

/** The service was rated: what it was rated, and the 追评 box while it is open. */
function RatedView({ token, view, rated }: { token: string; view: InvitationView; rated: NonNullable<InvitationView['rated']> }) {
  const add = useAddByInvitation(token);
  const [comment, setComment] = useState('');
  return (
    <Flex vertical gap={16} data-testid="rate-link-rated">
      <Result
        status="success"
        title={trating.link.rated}
        subTitle={trating.link.ratedAs(trating.levels[rated.level] ?? String(rated.level), trating.channels[rated.channel] ?? rated.channel, at(rated.ratedAt))}
      />
      <SubjectCard subject={view} />
      {add.isSuccess ? (
        <Alert type="success" showIcon title={trating.link.added} />
      ) : rated.canAdd ? (
        <Card size="small" title={trating.portal.addTitle}>
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{trating.link.addHint(at(new Date(Date.parse(rated.additionUntil) - 1000).toISOString()))}</Typography.Text>
            <Input.TextArea rows={4} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={trating.portal.addPlaceholder} data-testid="rate-link-addition" />
            {add.isError && <Alert type="error" showIcon title={add.error.message} />}
            <Button type="primary" block disabled={comment.trim() === ''} loading={add.isPending} onClick={() => add.mutate(comment)} data-testid="rate-link-add">
              {trating.link.add}
            </Button>
          </Flex>
        </Card>
      ) : (
        <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
          {trating.link.addClosed}
        </Typography.Text>
      )}
    </Flex>
  );
}

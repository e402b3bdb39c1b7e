import { Card, Flex, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { trating } from '../../../../locales/evaluations.zh-CN.ts';
import { rateByInvitation } from '../api.ts';
import { useInvitation } from '../queries.ts';
import { RatingForm } from './rating-form.tsx';
import { SubjectCard } from './subject-card.tsx';

/** The phone's rating page (/rate/<token>), opened from the evaluator's QR code or the SMS link: public, one use. */
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

import { Button, Card, Descriptions, Empty, Flex, Form, Input, Rate, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { tsn } from '../../../locales/scenarios.zh-CN.ts';
import type { OwnReferral } from '../api.ts';
import { useOwnReferrals, useRate } from '../queries.ts';

/** 我的服务对接: the enterprise's referrals, their outcome, and the rating of the provider once served. */
export function MyReferralsPage() {
  const own = useOwnReferrals();
  const [rating, setRating] = useState<OwnReferral | null>(null);
  if (own.isError) return <QueryError error={own.error} onRetry={() => void own.refetch()} />;
  return (
    <Card title={tsn.portal.mineTitle} loading={own.isPending} extra={<Link to="/portal/scenarios">{tsn.portal.toList}</Link>}>
      {own.data?.length === 0 && <Empty description={tsn.portal.mineEmpty} />}
      <Flex vertical gap={12}>
        {own.data?.map((r) => (
          <Card
            key={r.id}
            size="small"
            type="inner"
            data-testid="own-referral"
            title={
              <Space wrap>
                <span data-testid="own-referral-provider">{r.providerName}</span>
                <Tag>{tsn.kinds[r.providerKind]}</Tag>
                <Tag color={tsn.outcomeColors[r.outcome]} data-testid="own-referral-outcome">
                  {tsn.outcomes[r.outcome]}
                </Tag>
              </Space>
            }
            extra={
              r.canRate && (
                <Button type="link" size="small" onClick={() => setRating(r)} data-testid="rate-referral">
                  {tsn.portal.rate}
                </Button>
              )
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              {r.scenarioTitle && <Descriptions.Item label={tsn.referral.scenario}>{r.scenarioTitle}</Descriptions.Item>}
              <Descriptions.Item label={tsn.referral.createdAt}>{formatDateTime(r.createdAt).slice(0, 16)}</Descriptions.Item>
              <Descriptions.Item label={tsn.referral.need} span={2}>
                {r.need}
              </Descriptions.Item>
              {r.outcomeNote && (
                <Descriptions.Item label={tsn.referral.note} span={2}>
                  {r.outcomeNote}
                </Descriptions.Item>
              )}
            </Descriptions>
            {r.rating !== null ? (
              <Typography.Paragraph data-testid="own-referral-rating">
                {tsn.portal.yourRating(r.rating)} {r.ratingComment}
              </Typography.Paragraph>
            ) : (
              r.outcome === 'in_progress' && <Typography.Text type="secondary">{tsn.portal.waitForService}</Typography.Text>
            )}
          </Card>
        ))}
      </Flex>
      {rating && <RateModal referral={rating} onClose={() => setRating(null)} />}
    </Card>
  );
}

function RateModal({ referral, onClose }: { referral: OwnReferral; onClose: () => void }) {
  const rate = useRate();
  return (
    <FormModal<{ rating: number; comment?: string }>
      title={`${tsn.portal.rate}：${referral.providerName}`}
      onSubmit={(v) => rate.mutateAsync({ id: referral.id, body: { rating: v.rating, comment: v.comment ?? '' } })}
      onClose={onClose}
      successText={tsn.portal.rated}
    >
      <Form.Item name="rating" label={tsn.portal.rating} rules={[{ required: true }]}>
        <Rate data-testid="rating-stars" />
      </Form.Item>
      <Form.Item name="comment" label={tsn.portal.comment}>
        <Input.TextArea rows={3} maxLength={500} data-testid="rating-comment" />
      </Form.Item>
    </FormModal>
  );
}

import { App, Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../../app/auth-context.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { useShowError } from '../../../../components/use-show-error.ts';
import { formatDateTime } from '../../../../lib/time.ts';
import { tappeal, tcallback, trating } from '../../../../locales/evaluations.zh-CN.ts';
import { AppealFormModal } from '../../appeals/components/appeal-form-modal.tsx';
import { revealRaterPhone, type CallbackDetail } from '../api.ts';
import { useCallbackDetail } from '../queries.ts';
import { ContactsPanel, RectificationPanel, VerifyPanel } from './callback-panels.tsx';
import { CallbackStateTag, LevelTag, OverdueTag } from './callback-tags.tsx';

/** One callback: the bad review, the calls, the verification, the rectification ledger, the re-rating, what happened when. */
export function CallbackDetailPage() {
  const { id = '' } = useParams();
  const query = useCallbackDetail(id);
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  const d = query.data;
  return (
    <Flex vertical gap={16} data-testid="callback-detail">
      <Card
        title={
          <Space>
            {tcallback.detailTitle}
            <CallbackStateTag state={d.state} />
            <OverdueTag overdue={d.overdue} />
          </Space>
        }
        extra={<Link to="/callbacks">{tcallback.back}</Link>}
      >
        {d.rating.excludedAt && <Alert type="info" showIcon title={tcallback.excluded} style={{ marginBottom: 12 }} />}
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={tcallback.fields.department}>{d.departmentName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={tcallback.fields.counter}>{d.counterName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={tcallback.fields.assignee}>{d.assigneeName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={tcallback.fields.contactDueOn}>{d.contactDueOn}</Descriptions.Item>
          <Descriptions.Item label={tcallback.fields.finishDueOn}>{d.finishDueOn}</Descriptions.Item>
          {d.contactedAt && <Descriptions.Item label={tcallback.fields.contactedAt}>{formatDateTime(d.contactedAt)}</Descriptions.Item>}
          {d.closedAt && <Descriptions.Item label={tcallback.fields.closedAt}>{formatDateTime(d.closedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <RatingCard d={d} />
            <ContactsPanel d={d} />
            <VerifyPanel d={d} />
            <RectificationPanel d={d} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={tcallback.timeline} size="small">
            <Timeline
              data-testid="callback-timeline"
              items={d.timeline.map((e, i) => ({
                key: i,
                content: (
                  <>
                    <Typography.Text strong>{e.label}</Typography.Text>
                    <Typography.Text type="secondary">{`\u3000${formatDateTime(e.at)}${e.byName ? ` · ${e.byName}` : ''}`}</Typography.Text>
                    {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/** The bad review itself, the rater's contact (the full number on request, audited), the additions, and the way to appeal it. */
function RatingCard({ d }: { d: CallbackDetail }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const [phone, setPhone] = useState<string | null>(null);
  const [isAppealing, setAppealing] = useState(false);
  const r = d.rating;
  const show = () =>
    revealRaterPhone(d.id)
      .then((res) => {
        setPhone(res.phone);
        message.info(tcallback.phoneShown);
      })
      .catch(showError);
  return (
    <Card
      title={tcallback.rating}
      size="small"
      data-testid="rating-card"
      extra={
        can('evaluation.appeal') &&
        !r.excludedAt && (
          <Button onClick={() => setAppealing(true)} data-testid="action-appeal">
            {tappeal.appeal}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={tcallback.fields.level}>
          <LevelTag level={r.level} />
        </Descriptions.Item>
        <Descriptions.Item label={tcallback.fields.ratedAt}>{formatDateTime(r.ratedAt)}</Descriptions.Item>
        <Descriptions.Item label={tcallback.fields.item}>{r.itemName}</Descriptions.Item>
        <Descriptions.Item label={tcallback.fields.channel}>{trating.channels[r.channel] ?? r.channel}</Descriptions.Item>
        {r.staffName && <Descriptions.Item label={tcallback.fields.staff}>{r.staffName}</Descriptions.Item>}
        <Descriptions.Item label={tcallback.fields.rater}>{r.raterName}</Descriptions.Item>
        <Descriptions.Item label={tcallback.fields.phone}>
          <Space>
            {phone ?? r.raterPhoneMasked ?? ''}
            {r.raterPhoneMasked && !phone && (
              <Button size="small" type="link" onClick={show} data-testid="show-phone">
                {tcallback.showPhone}
              </Button>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={tcallback.fields.tags} span={2}>
          {r.tagLabels.map((label) => (
            <Tag key={label}>{label}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={tcallback.fields.comment} span={2}>
          {r.comment}
        </Descriptions.Item>
      </Descriptions>
      {d.additions.length > 0 && (
        <Descriptions size="small" column={1} title={tcallback.additions}>
          {d.additions.map((a) => (
            <Descriptions.Item key={a.id} label={`${tcallback.additionKinds[a.kind]} ${formatDateTime(a.createdAt)}`}>
              {[a.level ? trating.levels[a.level] : '', a.comment].filter(Boolean).join('：')}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {isAppealing && <AppealFormModal rating={{ id: r.id, level: r.level, itemName: r.itemName, comment: r.comment, ratedAt: r.ratedAt }} onClose={() => setAppealing(false)} />}
    </Card>
  );
}

import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, List, Popconfirm, QRCode, Rate, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tbr } from '../../../locales/briefings.zh-CN.ts';
import { ownMaterialUrl, type OwnRegistration } from '../api.ts';
import { useCancelOwn, useGiveFeedback, useOwnRegistrations } from '../queries.ts';

/** 我的活动报名: each registration with its attendees' check-in QR codes, cancellation before the start, and after the event the materials and the feedback form. */
export function MyBriefingsPage() {
  const own = useOwnRegistrations();
  if (own.isError) return <QueryError error={own.error} onRetry={() => void own.refetch()} />;
  return (
    <Card title={tbr.portal.mineTitle} loading={own.isPending} extra={<Link to="/portal/briefings">{tbr.portal.toList}</Link>}>
      {own.data?.length === 0 ? <Empty description={tbr.portal.mineEmpty} /> : <Flex vertical gap={16}>{own.data?.map((r) => <Registration key={r.id} r={r} />)}</Flex>}
    </Card>
  );
}

function Registration({ r }: { r: OwnRegistration }) {
  const cancel = useCancelOwn();
  const { message } = App.useApp();
  const showError = useShowError();
  const e = r.event;
  return (
    <Card
      size="small"
      type="inner"
      data-testid="own-registration"
      title={
        <Space wrap>
          {e.topic}
          <Tag>{tbr.kinds[e.kind]}</Tag>
          {r.cancelledAt ? <Tag>{tbr.portal.cancelled}</Tag> : e.status !== 'published' && <Tag color={tbr.statusColors[e.status]}>{tbr.statuses[e.status]}</Tag>}
        </Space>
      }
      extra={
        r.canCancel && (
          <Popconfirm title={tbr.portal.confirmCancel} onConfirm={() => cancel.mutateAsync(r.id).then(() => message.success(tbr.portal.cancelled), showError)}>
            <Button size="small" danger data-testid="cancel-registration">
              {tbr.portal.cancel}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={tbr.fields.time}>{tbr.timeRange(e.date, e.startTime, e.endTime)}</Descriptions.Item>
        <Descriptions.Item label={tbr.fields.place}>{`${e.centerName} ${e.roomName ?? tbr.online}`}</Descriptions.Item>
      </Descriptions>
      {!r.cancelledAt && (
        <>
          {!e.hasEnded && <Typography.Paragraph type="secondary">{tbr.portal.qrHint}</Typography.Paragraph>}
          <Flex wrap gap={16}>
            {r.attendees.map((a) => (
              <Flex key={a.id} vertical align="center" gap={4} data-testid="own-attendee">
                {!e.hasEnded && !a.checkedInAt && <QRCode value={a.checkInCode} size={132} data-testid="check-in-qr" />}
                <Typography.Text strong>{a.name}</Typography.Text>
                <Typography.Text type="secondary">{a.phoneMasked}</Typography.Text>
                <Typography.Text code data-testid="check-in-code-shown">{a.checkInCode}</Typography.Text>
                {a.checkedInAt && <Tag color="green">{tbr.portal.checkedInAt(formatDateTime(a.checkedInAt).slice(0, 16))}</Tag>}
              </Flex>
            ))}
          </Flex>
        </>
      )}
      {r.materials.length > 0 && (
        <List
          size="small"
          header={tbr.portal.materials}
          dataSource={r.materials}
          renderItem={(m) => (
            <List.Item data-testid="own-material">
              <a href={ownMaterialUrl(r.id, m.fileId)}>{m.filename}</a>
            </List.Item>
          )}
        />
      )}
      {r.feedback && <Typography.Paragraph data-testid="own-feedback">{tbr.portal.yourFeedback(r.feedback.satisfaction)} {r.feedback.comment}</Typography.Paragraph>}
      {r.canGiveFeedback && <FeedbackForm id={r.id} />}
    </Card>
  );
}

function FeedbackForm({ id }: { id: string }) {
  const give = useGiveFeedback();
  const { message } = App.useApp();
  const showError = useShowError();
  const submit = (v: { satisfaction: number; comment?: string }) =>
    give.mutateAsync({ id, satisfaction: v.satisfaction, comment: v.comment?.trim() ?? '' }).then(() => message.success(tbr.portal.feedbackDone), showError);
  return (
    <Form layout="vertical" onFinish={submit} style={{ marginTop: 12 }} data-testid="feedback-form">
      <Typography.Text strong>{tbr.portal.feedback}</Typography.Text>
      <Form.Item name="satisfaction" label={tbr.portal.feedbackSatisfaction} rules={[{ required: true, message: tbr.portal.feedbackSatisfaction }]}>
        <Rate data-testid="feedback-rate" />
      </Form.Item>
      <Form.Item name="comment" label={tbr.portal.feedbackComment}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={give.isPending} data-testid="feedback-submit">
        {tbr.portal.feedbackSubmit}
      </Button>
    </Form>
  );
}

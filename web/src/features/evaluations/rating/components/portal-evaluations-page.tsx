import { App, Button, Card, Empty, Flex, Input, List, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { trating } from '../../../../locales/evaluations.zh-CN.ts';
import type { PortalEvaluations, RatingSubject } from '../api.ts';
import { useAddOnPortal, usePortalEvaluations, useQuestionSets, useRateOnPortal } from '../queries.ts';
import { LEVEL_COLOURS, RatingForm } from './rating-form.tsx';
import { SubjectCard } from './subject-card.tsx';

const day = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
/** What the service was: the item handled (the center is not the service). */
const serviceName = (itemName: string) => itemName || trating.subject.noItem;
type Rated = PortalEvaluations['rated'][number];

/** 我的评价 on the portal: the enterprise's finished visits and applications to rate, and its ratings with 追评. */
export function PortalEvaluationsPage() {
  const list = usePortalEvaluations();
  const [rating, setRating] = useState<RatingSubject | null>(null);
  const [adding, setAdding] = useState<Rated | null>(null);
  const rate = useRateOnPortal();
  const { message } = App.useApp();

  if (!list.data) return <Spin />;
  return (
    <Flex vertical gap={24} data-testid="portal-evaluations">
      <Typography.Title level={3}>{trating.portal.title}</Typography.Title>
      <Card title={trating.portal.toRate}>
        {list.data.toRate.length === 0 ? (
          <Empty description={trating.portal.empty} />
        ) : (
          <List
            dataSource={list.data.toRate}
            renderItem={(s) => (
              <List.Item actions={[<Button key="rate" type="primary" data-testid={`rate-subject-${s.label}`} onClick={() => setRating(s)}>{trating.portal.rate}</Button>]}>
                <List.Item.Meta
                  title={s.kind === 'visit' ? trating.subject.visit(s.label) : trating.subject.application(s.label)}
                  description={<span data-testid={`to-rate-service-${s.label}`}>{`${serviceName(s.itemName)} · ${trating.subject.finishedAt} ${s.finishedAt ? day(s.finishedAt) : '—'}`}</span>}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={trating.portal.rated}>
        <List dataSource={list.data.rated} locale={{ emptyText: <Empty /> }} renderItem={(r) => <RatedItem rated={r} onAdd={() => setAdding(r)} />} />
      </Card>

      <Modal open={rating !== null} title={trating.portal.rate} footer={null} onCancel={() => setRating(null)} destroyOnHidden width={720}>
        {rating && (
          <Flex vertical gap={16}>
            <SubjectCard subject={rating} />
            <RatingForm
              questionSet={rating.questionSet}
              allowAnonymous
              isRealNamePossible
              onSubmit={async (answer) => {
                const created = await rate.mutateAsync({ subject: { kind: rating.kind, id: rating.id }, ...answer });
                void message.success(created.level <= 2 ? trating.form.thanksBad : trating.form.thanks);
                setRating(null);
              }}
            />
          </Flex>
        )}
      </Modal>
      <AdditionModal rated={adding} onClose={() => setAdding(null)} />
    </Flex>
  );
}

function RatedItem({ rated, onAdd }: { rated: Rated; onAdd: () => void }) {
  const sets = useQuestionSets();
  const labelOf = (code: string) =>
    sets.data?.find((s) => s.code === rated.questionSet)?.levels.flatMap((l) => l.tags).find((t) => t.code === code)?.label ?? code;
  return (
    <List.Item actions={rated.canAdd ? [<Button key="add" onClick={onAdd}>{trating.portal.add}</Button>] : []}>
      <List.Item.Meta
        title={
          <Space wrap>
            <span>{rated.ticketId ? trating.subject.visit(rated.subjectLabel) : trating.subject.application(rated.subjectLabel)}</span>
            <Tag color={LEVEL_COLOURS[rated.level]}>{trating.levels[rated.level]}</Tag>
            <Tag>{trating.channels[rated.channel]}</Tag>
            {!rated.isRealName && !rated.isDefault && <Tag>{trating.portal.anonymousTag}</Tag>}
          </Space>
        }
        description={
          <Flex vertical gap={4}>
            <span data-testid={`rated-service-${rated.subjectLabel}`}>
              {serviceName(rated.itemName)} · {day(rated.ratedAt)}
            </span>
            {rated.tags.length > 0 && <span>{rated.tags.map(labelOf).join('、')}</span>}
            {rated.comment && <span>{rated.comment}</span>}
            {rated.additions.map((a) => (
              <Typography.Text key={a.createdAt} type="secondary">
                {trating.portal.additions}（{day(a.createdAt)}）：{a.comment}
              </Typography.Text>
            ))}
            {rated.canAdd && <Typography.Text type="secondary">{trating.portal.addUntil(day(new Date(Date.parse(rated.additionUntil) - 1000).toISOString()))}</Typography.Text>}
          </Flex>
        }
      />
    </List.Item>
  );
}

function AdditionModal({ rated, onClose }: { rated: Rated | null; onClose: () => void }) {
  const [comment, setComment] = useState('');
  const add = useAddOnPortal();
  const { message } = App.useApp();
  return (
    <Modal
      open={rated !== null}
      title={trating.portal.addTitle}
      okButtonProps={{ disabled: comment.trim() === '', loading: add.isPending }}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        try {
          await add.mutateAsync({ ratingId: rated!.id, comment });
          setComment('');
          onClose();
        } catch (e) {
          void message.error(e instanceof Error ? e.message : String(e));
        }
      }}
    >
      <Input.TextArea rows={4} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={trating.portal.addPlaceholder} />
    </Modal>
  );
}

import { Button, Card, Form, Input, Radio, Segmented, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../../components/form-modal.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { formatDateTime } from '../../../../lib/time.ts';
import { tappeal } from '../../../../locales/evaluations.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import type { AppealDto } from '../api.ts';
import { useAppealsToReview, useDecideAppeal } from '../queries.ts';
import { AppealStateTag, EvidenceLinks, RatingCell } from './appeal-parts.tsx';

const FILTERS = ['pending', 'upheld', 'rejected', 'all'] as const;

/** 申诉复核: the center's appeals; a manager other than the appellant decides each pending one. */
export function AppealReviewPage() {
  const [state, setState] = useState<(typeof FILTERS)[number]>('pending');
  const query = useAppealsToReview(state === 'all' ? undefined : state);
  const decide = useDecideAppeal();
  const [deciding, setDeciding] = useState<AppealDto | null>(null);
  return (
    <Card
      title={tappeal.reviewTitle}
      extra={<Segmented value={state} onChange={(v) => setState(v as typeof state)} options={FILTERS.map((f) => ({ value: f, label: tappeal.filterState[f] }))} />}
    >
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<AppealDto>
          rowKey="id"
          loading={query.isPending}
          dataSource={query.data}
          locale={{ emptyText: tappeal.reviewEmpty }}
          data-testid="appeal-review"
          columns={[
            { title: tappeal.fields.createdAt, render: (_, a) => formatDateTime(a.createdAt), width: 170 },
            { title: tappeal.fields.rating, render: (_, a) => <RatingCell r={a.rating} /> },
            { title: tappeal.fields.appellant, dataIndex: 'appellantName', width: 100 },
            { title: tappeal.form.reason, render: (_, a) => tappeal.reasons[a.reason], width: 100 },
            { title: tappeal.form.statement, dataIndex: 'statement' },
            { title: tappeal.fields.evidence, render: (_, a) => <EvidenceLinks appeal={a} /> },
            {
              title: tappeal.fields.state,
              width: 200,
              render: (_, a) => (
                <>
                  <AppealStateTag state={a.state} />
                  {a.decidedByName && <div>{`${tappeal.fields.decidedBy}：${a.decidedByName}`}</div>}
                  {a.decisionNote && <div>{a.decisionNote}</div>}
                </>
              ),
            },
            {
              title: '',
              width: 90,
              render: (_, a) =>
                a.state !== 'pending' ? null : a.mayDecide ? (
                  <Button type="primary" onClick={() => setDeciding(a)} data-testid={`decide-${a.id}`}>
                    {tappeal.decide}
                  </Button>
                ) : (
                  <Tooltip title={tappeal.ownAppeal}>
                    <Button disabled>{tappeal.decide}</Button>
                  </Tooltip>
                ),
            },
          ]}
        />
      )}
      {deciding && (
        <FormModal<{ decision: 'upheld' | 'rejected'; note: string }>
          title={tappeal.decideTitle}
          onClose={() => setDeciding(null)}
          onSubmit={(v) => decide.mutateAsync({ id: deciding.id, input: { version: deciding.version, ...v } })}
        >
          <Form.Item name="decision" label={tappeal.fields.decision} rules={[{ required: true, message: t.common.required }]}>
            <Radio.Group options={Object.entries(tappeal.decisions).map(([value, label]) => ({ value, label }))} data-testid="appeal-decision" />
          </Form.Item>
          <Form.Item name="note" label={tappeal.fields.note} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="appeal-note" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

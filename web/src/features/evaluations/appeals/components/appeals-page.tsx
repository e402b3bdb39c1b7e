import { Button, Card, Flex, Table } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../../components/query-error.tsx';
import { formatDateTime } from '../../../../lib/time.ts';
import { tappeal, tcallback } from '../../../../locales/evaluations.zh-CN.ts';
import type { AppealDto, AppealRatingDto } from '../api.ts';
import { useAppealable, useMyAppeals } from '../queries.ts';
import { AppealFormModal } from './appeal-form-modal.tsx';
import { AppealStateTag, EvidenceLinks, RatingCell } from './appeal-parts.tsx';

/** 差评申诉: the bad reviews the staff member answers for that may still be appealed, and their appeals with the outcome. */
export function AppealsPage() {
  const appealable = useAppealable();
  const mine = useMyAppeals();
  const [target, setTarget] = useState<AppealRatingDto | null>(null);
  return (
    <Flex vertical gap={16}>
      <Card title={tappeal.appealable}>
        {appealable.isError ? (
          <QueryError error={appealable.error} onRetry={() => appealable.refetch()} />
        ) : (
          <Table<AppealRatingDto>
            rowKey="id"
            loading={appealable.isPending}
            dataSource={appealable.data}
            locale={{ emptyText: tappeal.appealableEmpty }}
            data-testid="appealable"
            columns={[
              { title: tcallback.fields.ratedAt, render: (_, r) => formatDateTime(r.ratedAt), width: 170 },
              { title: tappeal.fields.rating, render: (_, r) => <RatingCell r={r} /> },
              {
                title: '',
                width: 100,
                render: (_, r) => (
                  <Button onClick={() => setTarget(r)} data-testid={`appeal-${r.id}`}>
                    {tappeal.appeal}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card title={tappeal.mine}>
        {mine.isError ? (
          <QueryError error={mine.error} onRetry={() => mine.refetch()} />
        ) : (
          <Table<AppealDto>
            rowKey="id"
            loading={mine.isPending}
            dataSource={mine.data}
            locale={{ emptyText: tappeal.mineEmpty }}
            data-testid="my-appeals"
            columns={[
              { title: tappeal.fields.createdAt, render: (_, a) => formatDateTime(a.createdAt), width: 170 },
              { title: tappeal.fields.rating, render: (_, a) => <RatingCell r={a.rating} /> },
              { title: tappeal.form.reason, render: (_, a) => tappeal.reasons[a.reason], width: 100 },
              { title: tappeal.form.statement, dataIndex: 'statement' },
              { title: tappeal.fields.evidence, render: (_, a) => <EvidenceLinks appeal={a} /> },
              { title: tappeal.fields.state, render: (_, a) => <AppealStateTag state={a.state} />, width: 110 },
              { title: tappeal.fields.note, dataIndex: 'decisionNote' },
            ]}
          />
        )}
      </Card>
      {target && <AppealFormModal rating={target} onClose={() => setTarget(null)} />}
    </Flex>
  );
}

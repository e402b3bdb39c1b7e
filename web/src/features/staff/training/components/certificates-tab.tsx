import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../../app/auth-context.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { ttr } from '../../../../locales/training.zh-CN.ts';
import type { CertificateDto } from '../api.ts';
import { useCertificates, useExpiring, useRules } from '../queries.ts';
import { CertificateFormModal } from './certificate-form-modal.tsx';

const HORIZONS = [7, 30, 60, 90];

/** The expiring list first (the manager's work), then every certificate of the center. */
export function CertificatesTab() {
  const { can } = useAuth();
  const [days, setDays] = useState(30);
  const expiring = useExpiring(days);
  const all = useCertificates();
  const rules = useRules();
  const [editing, setEditing] = useState<{ staffId: string; kind: string } | null | undefined>(undefined);
  const kinds = [...new Set([...(rules.data ?? []).map((r) => r.kind), ...(all.data ?? []).map((c) => c.kind)])];
  const columns = [
    { title: ttr.fields.staff, render: (_: unknown, c: CertificateDto) => (c.staffNumber ? `${c.staffName}（${c.staffNumber}）` : c.staffName) },
    { title: ttr.fields.kind, dataIndex: 'kind' },
    { title: ttr.fields.number, dataIndex: 'number' },
    { title: ttr.fields.issuedOn, dataIndex: 'issuedOn' },
    { title: ttr.fields.expiresOn, dataIndex: 'expiresOn' },
    { title: ttr.fields.status, render: (_: unknown, c: CertificateDto) => <Tag color={ttr.statusColors[c.status]}>{ttr.statuses[c.status]}</Tag> },
  ];
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Flex align="center" gap={12}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {ttr.certificates.expiringTitle(days)}
          </Typography.Title>
          <Select style={{ width: 120 }} value={days} onChange={setDays} options={HORIZONS.map((d) => ({ value: d, label: ttr.certificates.horizon(d) }))} aria-label={ttr.certificates.horizonLabel} data-testid="expiring-days" />
        </Flex>
        {can('training.manage') && (
          <Button type="primary" onClick={() => setEditing(null)} data-testid="certificate-record">
            {ttr.certificates.record}
          </Button>
        )}
      </Flex>
      {expiring.isError ? (
        <QueryError error={expiring.error} onRetry={() => void expiring.refetch()} />
      ) : (
        <Table<CertificateDto>
          rowKey="id"
          size="middle"
          pagination={false}
          loading={expiring.isFetching}
          dataSource={expiring.data}
          locale={{ emptyText: ttr.certificates.noExpiring }}
          data-testid="expiring-certificates"
          columns={[
            ...columns,
            { title: ttr.fields.daysLeft, render: (_, c) => ttr.certificates.daysLeft(c.daysLeft) },
            ...(can('training.manage')
              ? [
                  {
                    title: '',
                    render: (_: unknown, c: CertificateDto) => (
                      <Button size="small" onClick={() => setEditing({ staffId: c.staffId, kind: c.kind })} data-testid="certificate-renew">
                        {ttr.certificates.record}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {ttr.certificates.allTitle}
      </Typography.Title>
      {all.isError ? (
        <QueryError error={all.error} onRetry={() => void all.refetch()} />
      ) : (
        <Table<CertificateDto>
          rowKey="id"
          size="middle"
          loading={all.isFetching}
          dataSource={all.data}
          data-testid="certificates"
          columns={[...columns, { title: ttr.fields.source, render: (_, c) => ttr.sources[c.source] }, { title: ttr.fields.recordedBy, dataIndex: 'recordedByName' }]}
        />
      )}
      {editing !== undefined && <CertificateFormModal kinds={kinds} initial={editing ?? undefined} onClose={() => setEditing(undefined)} />}
    </Flex>
  );
}

import { Alert, Button, Checkbox, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { GrantDto, GrantStatus, LicenseDto } from '@server/modules/licenses/contract.ts';
import { describeError } from '../../../../components/use-show-error.ts';
import { formatDateTime } from '../../../../lib/time.ts';
import { tl } from '../../../../locales/licenses.zh-CN.ts';
import { useCreateGrant, useOwnGrants } from '../../queries.ts';
import { GrantCard } from './grant-card.tsx';

const STATUS_COLORS: Record<GrantStatus, string> = { active: 'green', used: 'blue', expired: 'default', cancelled: 'default' };

/** 亮码授权: choose license types, get a code to show at the counter, and see every use of past codes. */
export function GrantsPanel({ licenses }: { licenses: LicenseDto[] }) {
  const validTypes = [...new Map(licenses.filter((l) => l.status === 'valid').map((l) => [l.type.id, l.type])).values()];
  const [chosen, setChosen] = useState<string[]>([]);
  const [current, setCurrent] = useState<GrantDto | null>(null);
  const create = useCreateGrant();
  const grants = useOwnGrants(current?.id ?? null);
  const currentInList = grants.data?.find((g) => g.id === current?.id);
  const isCurrentLive = current !== null && (currentInList === undefined || currentInList.status === 'active');

  return (
    <Flex vertical gap="large">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {tl.grants.intro}
      </Typography.Paragraph>
      {validTypes.length === 0 ? (
        <Alert type="info" showIcon title={tl.grants.noLicenses} />
      ) : (
        <Flex gap="middle" align="center" wrap>
          <Typography.Text strong>{tl.grants.choose}：</Typography.Text>
          <Checkbox.Group options={validTypes.map((x) => ({ value: x.id, label: x.name }))} value={chosen} onChange={(v) => setChosen(v as string[])} data-testid="grant-types" />
          <Button
            type="primary"
            disabled={chosen.length === 0}
            loading={create.isPending}
            onClick={() => create.mutate(chosen, { onSuccess: setCurrent })}
            data-testid="grant-create"
          >
            {tl.grants.create}
          </Button>
        </Flex>
      )}
      {create.isError && <Alert type="error" showIcon title={describeError(create.error)} />}
      {current && isCurrentLive && <GrantCard key={current.id} grant={current} />}
      {current && currentInList?.use && (
        <Alert
          type="success"
          showIcon
          title={tl.grants.usedBy(currentInList.use.usedByName, currentInList.use.usedAtCenter, formatDateTime(currentInList.use.usedAt))}
          data-testid="grant-used"
        />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {tl.grants.history}
      </Typography.Title>
      <Table<GrantDto>
        rowKey="id"
        size="small"
        loading={grants.isPending}
        dataSource={grants.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: tl.grants.createdAt, dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
          { title: tl.grants.types, key: 'types', render: (_, g) => g.types.map((x) => x.name).join('、') },
          { title: tl.fields.status, dataIndex: 'status', render: (s: GrantStatus) => <Tag color={STATUS_COLORS[s]}>{tl.grantStatuses[s]}</Tag> },
          {
            title: tl.grants.use,
            key: 'use',
            render: (_, g) =>
              g.use ? (
                <span>
                  {tl.grants.usedBy(g.use.usedByName, g.use.usedAtCenter, formatDateTime(g.use.usedAt))}
                  {g.use.applicationRef ? `（${tl.fields.applicationRef} ${g.use.applicationRef}）` : ''}
                  <br />
                  <Typography.Text type="secondary">
                    {tl.grants.provided}：{g.use.licenses.map((l) => `${l.typeName} ${l.number}`).join('；')}
                  </Typography.Text>
                </span>
              ) : (
                tl.grants.notUsed
              ),
          },
        ]}
      />
    </Flex>
  );
}

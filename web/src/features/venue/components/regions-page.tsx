import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { t } from '../../../locales/zh-CN.ts';
import type { RegionDto } from '../api.ts';
import { useCreateRegion, useRegions } from '../queries.ts';

type Values = { code: string; name: string; parentCode?: string | null };

/** Administrative regions (GB/T 2260) that centers belong to. */
export function RegionsPage() {
  const canManage = useAuth().can('org.manage');
  const regions = useRegions();
  const create = useCreateRegion();
  const [isAdding, setAdding] = useState(false);
  const nameOf = new Map(regions.data?.map((r) => [r.code, r.name]));

  if (regions.isError) return <QueryError error={regions.error} onRetry={() => void regions.refetch()} />;

  return (
    <Card
      title={t.org.regionsTab}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t.org.newRegion}
          </Button>
        )
      }
    >
      <Table<RegionDto>
        rowKey="code"
        loading={regions.isPending}
        dataSource={regions.data}
        pagination={{ showTotal: t.common.total, hideOnSinglePage: true, defaultPageSize: 20 }}
        columns={[
          { title: t.org.regionCode, dataIndex: 'code' },
          { title: t.org.regionName, dataIndex: 'name' },
          {
            title: t.org.parentRegion,
            dataIndex: 'parentCode',
            render: (code: string | null) => (code ? `${nameOf.get(code) ?? ''}（${code}）` : null),
          },
        ]}
      />
      {isAdding && (
        <FormModal<Values>
          title={t.org.newRegion}
          onSubmit={({ parentCode, ...values }) => create.mutateAsync({ ...values, parentCode: parentCode ?? null })}
          onClose={() => setAdding(false)}
        >
          <Form.Item
            name="code"
            label={t.org.regionCode}
            extra={t.org.regionCodeHint}
            rules={[
              { required: true, message: t.common.required },
              { pattern: /^[1-9]\d{5}$/, message: t.org.regionCodeInvalid },
            ]}
          >
            <Input maxLength={6} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="name" label={t.org.regionName} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="parentCode" label={t.org.parentRegion}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t.common.none}
              options={regions.data?.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
            />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

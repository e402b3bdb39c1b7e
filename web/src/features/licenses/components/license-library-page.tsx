import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Tabs } from 'antd';
import { useState } from 'react';
import type { LicenseTypeDto } from '@server/modules/licenses/contract.ts';
import { ActiveTag } from '../../../components/active-tag.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { ToggleActiveButton } from '../../../components/toggle-active-button.tsx';
import { optionsOf } from '../../../lib/options.ts';
import { tl } from '../../../locales/licenses.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { libraryDocumentUrl, type LicenseFilter, type LicenseTypeInput } from '../api.ts';
import { useCreateLicenseType, useLicenseSearch, useLicenseTypes, useSetLicenseTypeActive } from '../queries.ts';
import { LicenseActions } from './license-actions.tsx';
import { LicenseIssueModal } from './license-issue-modal.tsx';
import { LicenseTable } from './license-table.tsx';

/** 电子证照库: licenses by holder, number, type and status; issuance, revocation, documents; the license types. */
export function LicenseLibraryPage() {
  return (
    <Card title={tl.library.title}>
      <Tabs
        items={[
          { key: 'licenses', label: tl.library.title, children: <LicensesTab /> },
          { key: 'types', label: tl.library.types, children: <TypesTab /> },
        ]}
      />
    </Card>
  );
}

function LicensesTab() {
  const types = useLicenseTypes();
  const [filter, setFilter] = useState<LicenseFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [isIssuing, setIssuing] = useState(false);
  const licenses = useLicenseSearch({ ...filter, ...page });
  return (
    <>
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v: LicenseFilter) => {
          setFilter(Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as LicenseFilter);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="q" label={tl.library.q}>
          <Input allowClear style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="typeId" label={tl.fields.type}>
          <Select allowClear style={{ width: 200 }} options={types.data?.map((x) => ({ value: x.id, label: x.name }))} placeholder={t.common.all} />
        </Form.Item>
        <Form.Item name="status" label={tl.fields.status}>
          <Select allowClear style={{ width: 110 }} options={optionsOf(tl.statuses)} placeholder={t.common.all} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t.common.search}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            {tl.library.issue}
          </Button>
        </Space>
      </Form>
      {licenses.isError ? (
        <QueryError error={licenses.error} onRetry={() => void licenses.refetch()} />
      ) : (
        <LicenseTable
          licenses={licenses.data?.items}
          isLoading={licenses.isFetching}
          showHolder
          documentUrl={libraryDocumentUrl}
          actions={(l) => <LicenseActions license={l} />}
          pagination={{ current: page.page, pageSize: page.pageSize, total: licenses.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        />
      )}
      {isIssuing && <LicenseIssueModal onClose={() => setIssuing(false)} />}
    </>
  );
}

function TypesTab() {
  const types = useLicenseTypes();
  const create = useCreateLicenseType();
  const setActive = useSetLicenseTypeActive();
  const [isAdding, setAdding] = useState(false);
  if (types.isError) return <QueryError error={types.error} onRetry={() => void types.refetch()} />;
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
        {tl.library.newType}
      </Button>
      <Table<LicenseTypeDto>
        rowKey="id"
        size="small"
        loading={types.isPending}
        dataSource={types.data}
        pagination={false}
        columns={[
          { title: tl.library.typeName, dataIndex: 'name' },
          { title: tl.library.typeCode, dataIndex: 'code' },
          { title: tl.library.defaultIssuer, dataIndex: 'defaultIssuer' },
          { title: tl.library.validityYears, dataIndex: 'validityYears', render: (y: number | null) => y ?? tl.fields.longTerm },
          { title: tl.library.isPerSite, dataIndex: 'isPerSite', render: (p: boolean) => (p ? tl.library.perSite : tl.library.single) },
          { title: t.common.status, dataIndex: 'isActive', render: (a: boolean) => <ActiveTag isActive={a} /> },
          {
            title: t.common.actions,
            key: 'actions',
            render: (_, x) => <ToggleActiveButton isActive={x.isActive} onToggle={(isActive) => setActive.mutateAsync({ id: x.id, isActive, version: x.version })} />,
          },
        ]}
      />
      {isAdding && (
        <FormModal<LicenseTypeInput> title={tl.library.newType} onSubmit={(v) => create.mutateAsync({ ...v, validityYears: v.validityYears ?? null })} onClose={() => setAdding(false)}>
          <Form.Item name="name" label={tl.library.typeName} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="code" label={tl.library.typeCode} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: tl.library.typeCodeRule }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="defaultIssuer" label={tl.library.defaultIssuer}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="validityYears" label={tl.library.validityYears} extra={tl.library.validityHelp}>
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
          <Form.Item name="isPerSite" label={tl.library.isPerSite} extra={tl.library.isPerSiteHelp} valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

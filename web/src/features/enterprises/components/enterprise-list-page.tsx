import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { EnterpriseDto } from '@server/modules/enterprises/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { te } from '../../../locales/enterprises.zh-CN.ts';
import type { EnterpriseFilter } from '../api.ts';
import { useEnterpriseSearch } from '../queries.ts';
import { EnterpriseFilters } from './enterprise-filters.tsx';
import { EnterpriseFormModal } from './enterprise-form-modal.tsx';
import { ImportModal } from './import-modal.tsx';
import { SizeClassTag } from './size-class-tag.tsx';

/** 企业库: search the registry; managers register and import enterprises. */
export function EnterpriseListPage() {
  const canManage = useAuth().can('enterprise.manage');
  const [filter, setFilter] = useState<EnterpriseFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const result = useEnterpriseSearch({ ...filter, ...page });

  return (
    <Card
      title={te.list.title}
      extra={
        canManage && (
          <Space>
            <Button icon={<ImportOutlined />} onClick={() => setDialog('import')}>
              {te.list.import}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('new')} data-testid="enterprise-new">
              {te.list.register}
            </Button>
          </Space>
        )
      }
    >
      <EnterpriseFilters
        onSearch={(f) => {
          setFilter(f);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      {result.isError ? (
        <QueryError error={result.error} onRetry={() => void result.refetch()} />
      ) : (
        <Table<EnterpriseDto>
          rowKey="id"
          loading={result.isFetching}
          dataSource={result.data?.items}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: result.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: te.list.total,
            onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
          }}
          columns={[
            {
              title: te.fields.name,
              dataIndex: 'name',
              render: (name: string, e) => (
                <Link to={`/enterprises/${e.id}`} data-testid="enterprise-link">
                  {name}
                </Link>
              ),
            },
            { title: te.fields.uscc, dataIndex: 'uscc', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
            { title: te.fields.type, dataIndex: 'type', render: (type: EnterpriseDto['type']) => te.enterpriseTypes[type] },
            { title: te.fields.town, key: 'town', render: (_, e) => [e.districtName ?? e.districtCode, e.town].filter(Boolean).join(' ') },
            { title: te.list.industry, key: 'industry', render: (_, e) => `${e.industry.code} ${e.industry.name}` },
            { title: te.fields.sizeClass, key: 'size', render: (_, e) => <SizeClassTag sizeClass={e.sizeClass} reason={e.sizeReason} /> },
            {
              title: te.fields.tags,
              dataIndex: 'tags',
              render: (tags: string[]) => (
                <Space size={[0, 4]} wrap>
                  {tags.map((x) => (
                    <Tag key={x} color="gold">
                      {x}
                    </Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      {dialog === 'new' && <EnterpriseFormModal enterprise={null} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportModal onClose={() => setDialog(null)} />}
    </Card>
  );
}

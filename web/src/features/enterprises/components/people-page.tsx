import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Drawer, Form, Input, List, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PersonDto } from '@server/modules/enterprises/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { te } from '../../../locales/enterprises.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import type { PeopleFilter, PersonInput } from '../api.ts';
import { useCreatePerson, usePeopleSearch, usePerson } from '../queries.ts';
import { CreditPanel } from './credit-panel.tsx';
import { UnmaskModal } from './unmask-modal.tsx';

/** 人员信息: find people by name, or exactly by ID or phone number; numbers stay masked. */
export function PeoplePage() {
  const { can } = useAuth();
  const [form] = Form.useForm<PeopleFilter>();
  const [filter, setFilter] = useState<PeopleFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'unmask'; person: PersonDto } | { kind: 'detail'; id: string } | null>(null);
  const people = usePeopleSearch({ ...filter, ...page }, true);
  return (
    <Card
      title={te.people.title}
      extra={
        can('enterprise.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'new' })}>
            {te.people.add}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon title={te.people.maskedNotice} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v) => {
          setFilter(Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as PeopleFilter);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="name" label={te.people.name}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="idNumber" label={te.people.idNumber}>
          <Input allowClear maxLength={18} style={{ width: 200 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={te.people.phone}>
          <Input allowClear maxLength={20} style={{ width: 150 }} autoComplete="off" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t.common.search}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilter({});
            }}
          >
            {t.common.reset}
          </Button>
        </Space>
      </Form>
      {people.isError ? (
        <QueryError error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <Table<PersonDto>
          rowKey="id"
          loading={people.isFetching}
          dataSource={people.data?.items}
          pagination={{ current: page.page, pageSize: page.pageSize, total: people.data?.total ?? 0, showTotal: t.common.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
          columns={[
            {
              title: te.people.name,
              dataIndex: 'name',
              render: (name: string, p) => (
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'detail', id: p.id })}>
                  {name}
                </Button>
              ),
            },
            { title: te.people.idNumberMasked, dataIndex: 'idNumberMasked' },
            { title: te.people.phoneMasked, dataIndex: 'phoneMasked', render: (p: string | null) => p ?? '—' },
            ...(can('person.unmask')
              ? [
                  {
                    title: t.common.actions,
                    key: 'actions',
                    render: (_: unknown, p: PersonDto) => (
                      <Button type="link" size="small" onClick={() => setDialog({ kind: 'unmask', person: p })}>
                        {te.unmask.button}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {dialog?.kind === 'new' && <NewPersonModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'unmask' && <UnmaskModal person={dialog.person} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'detail' && <PersonDrawer id={dialog.id} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function NewPersonModal({ onClose }: { onClose: () => void }) {
  const create = useCreatePerson();
  return (
    <FormModal<PersonInput> title={te.people.add} onSubmit={(v) => create.mutateAsync({ ...v, phone: v.phone || null })} onClose={onClose}>
      <Form.Item name="name" label={te.contacts.name} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="idNumber" label={te.contacts.idNumber} rules={[{ required: true, len: 18, message: te.contacts.idNumber }]}>
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={te.contacts.phone}>
        <Input maxLength={20} autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}

/** One person: masked numbers, the enterprises they act for, and their own credit records. */
function PersonDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const person = usePerson(id);
  return (
    <Drawer open size="large" title={person.data?.name} onClose={onClose} loading={person.isPending}>
      {person.isError && <QueryError error={person.error} onRetry={() => void person.refetch()} />}
      {person.data && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={te.people.idNumberMasked}>{person.data.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label={te.people.phoneMasked}>{person.data.phoneMasked ?? '—'}</Descriptions.Item>
          </Descriptions>
          <List
            header={te.people.enterprises}
            bordered
            size="small"
            dataSource={person.data.enterprises}
            renderItem={(e) => (
              <List.Item>
                <Link to={`/enterprises/${e.enterpriseId}`}>{e.name}</Link>（{te.contactRoles[e.role]}）
              </List.Item>
            )}
          />
          <CreditPanel credit={person.data.credit} canManage={false} />
        </Space>
      )}
    </Drawer>
  );
}

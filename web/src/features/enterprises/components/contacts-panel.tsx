import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Popconfirm, Radio, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { ContactDto, ContactRole } from '@server/modules/enterprises/contract.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { optionsOf } from '../../../lib/options.ts';
import { te } from '../../../locales/enterprises.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useAddContact, usePeopleSearch, useRemoveContact } from '../queries.ts';
import { UnmaskModal } from './unmask-modal.tsx';

type Values = { role: ContactRole; mode: 'existing' | 'new'; personId?: string; name?: string; idNumber?: string; phone?: string };

type Props = { enterpriseId: string; contacts: ContactDto[]; canManage: boolean; canUnmask: boolean };

/** The enterprise's legal representative, agents and contacts; numbers masked, one record unmasked on request. */
export function ContactsPanel({ enterpriseId, contacts, canManage, canUnmask }: Props) {
  const [isAdding, setAdding] = useState(false);
  const [unmasking, setUnmasking] = useState<{ id: string; name: string } | null>(null);
  const remove = useRemoveContact(enterpriseId);
  const showError = useShowError();
  return (
    <>
      {canManage && (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
          {te.contacts.add}
        </Button>
      )}
      <Table<ContactDto>
        rowKey="id"
        size="small"
        dataSource={contacts}
        pagination={false}
        locale={{ emptyText: te.contacts.none }}
        columns={[
          { title: te.contacts.role, dataIndex: 'role', render: (r: ContactRole) => te.contactRoles[r] },
          { title: te.contacts.name, key: 'name', render: (_, c) => c.person.name },
          { title: te.contacts.idNumber, key: 'id', render: (_, c) => c.person.idNumberMasked },
          { title: te.contacts.phone, key: 'phone', render: (_, c) => c.person.phoneMasked ?? '—' },
          ...(canManage || canUnmask
            ? [
                {
                  title: t.common.actions,
                  key: 'actions',
                  render: (_: unknown, c: ContactDto) => (
                    <Space size={0}>
                      {canUnmask && (
                        <Button type="link" size="small" onClick={() => setUnmasking({ id: c.person.id, name: c.person.name })} data-testid="unmask-open">
                          {te.unmask.button}
                        </Button>
                      )}
                      {canManage && (
                        <Popconfirm title={te.contacts.removeConfirm} onConfirm={() => remove.mutateAsync(c.id).catch(showError)}>
                          <Button type="link" size="small" danger>
                            {te.contacts.remove}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {isAdding && <AddContactModal enterpriseId={enterpriseId} onClose={() => setAdding(false)} />}
      {unmasking && <UnmaskModal person={unmasking} onClose={() => setUnmasking(null)} />}
    </>
  );
}

function AddContactModal({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const add = useAddContact(enterpriseId);
  const [name, setName] = useState('');
  const people = usePeopleSearch({ name, pageSize: 20 }, name.length > 0);
  const submit = ({ role, mode, personId, ...person }: Values) =>
    add.mutateAsync(mode === 'existing' ? { role, personId } : { role, person: { name: person.name ?? '', idNumber: person.idNumber ?? '', phone: person.phone || null } });
  return (
    <FormModal<Values> title={te.contacts.add} initialValues={{ role: 'agent', mode: 'new' }} onSubmit={submit} onClose={onClose}>
      <Form.Item name="role" label={te.contacts.role} rules={[{ required: true }]}>
        <Select options={optionsOf(te.contactRoles)} />
      </Form.Item>
      <Form.Item name="mode">
        <Radio.Group options={[{ value: 'new', label: te.contacts.newPerson }, { value: 'existing', label: te.contacts.existing }]} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.mode !== b.mode}>
        {({ getFieldValue }) =>
          getFieldValue('mode') === 'existing' ? (
            <Form.Item name="personId" label={te.contacts.name} rules={[{ required: true, message: t.common.required }]}>
              <Select
                showSearch
                filterOption={false}
                onSearch={setName}
                loading={people.isFetching}
                options={people.data?.items.map((p) => ({ value: p.id, label: `${p.name}（${p.idNumberMasked}）` }))}
              />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="name" label={te.contacts.name} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="idNumber" label={te.contacts.idNumber} rules={[{ required: true, len: 18, message: te.contacts.idNumber }]}>
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
              <Form.Item name="phone" label={te.contacts.phone}>
                <Input maxLength={20} autoComplete="off" />
              </Form.Item>
            </>
          )
        }
      </Form.Item>
    </FormModal>
  );
}

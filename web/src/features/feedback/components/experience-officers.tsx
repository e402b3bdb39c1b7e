import { App, Button, DatePicker, Flex, Form, Input, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { optionsOf } from '../../../lib/options.ts';
import { nowInShanghai, toIsoDate } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import { revealOfficerContact, type OfficerDto } from '../api.ts';
import { useCreateOfficer, useOfficers, useUpdateOfficer } from '../queries.ts';

const te = tfb.experience;
type Values = { name: string; organisation: string; kind: OfficerDto['kind']; phone?: string; term: [Dayjs, Dayjs]; note?: string };

/** The officers: who they represent, their term, how many tasks they have done. */
export function ExperienceOfficers() {
  const query = useOfficers();
  const create = useCreateOfficer();
  const update = useUpdateOfficer();
  const [editing, setEditing] = useState<OfficerDto | 'new' | null>(null);
  const { modal } = App.useApp();
  const showError = useShowError();

  const save = (v: Values) => {
    const fields = { name: v.name, organisation: v.organisation, kind: v.kind, termStart: toIsoDate(v.term[0]), termEnd: toIsoDate(v.term[1]), note: v.note?.trim() ?? '' };
    if (editing === 'new') return create.mutateAsync({ ...fields, phone: v.phone?.trim() ?? '' });
    const phone = v.phone?.trim();
    return update.mutateAsync({ id: editing!.id, patch: { ...fields, ...(phone ? { phone } : {}), version: editing!.version } });
  };
  const showPhone = async (o: OfficerDto) => {
    try {
      const c = await revealOfficerContact(o.id);
      modal.info({ title: c.name, content: c.phone });
    } catch (e) {
      showError(e);
    }
  };
  const toggle = (o: OfficerDto) => update.mutateAsync({ id: o.id, patch: { version: o.version, isActive: !o.isActive } }).catch(showError);

  return (
    <Flex vertical gap={12}>
      <Flex justify="end">
        <Button type="primary" onClick={() => setEditing('new')} data-testid="enrol-officer">
          {te.enrol}
        </Button>
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<OfficerDto>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data}
          data-testid="officers"
          columns={[
            { title: te.fields.name, dataIndex: 'name' },
            { title: te.fields.organisation, dataIndex: 'organisation' },
            { title: te.fields.kind, dataIndex: 'kind', render: (k: OfficerDto['kind']) => te.kinds[k] },
            { title: te.fields.phone, dataIndex: 'phoneMasked' },
            { title: te.fields.term, render: (_, o) => `${o.termStart} 至 ${o.termEnd}` },
            { title: te.fields.state, render: (_, o) => (o.isServing ? <Tag color="green">{te.fields.serving}</Tag> : <Tag>{o.isActive ? te.fields.notServing : te.fields.inactive}</Tag>) },
            { title: te.fields.tasks, render: (_, o) => `${o.tasks}（${o.reported}）` },
            {
              title: t.common.actions,
              render: (_, o) => (
                <Flex gap={4} wrap>
                  <Button size="small" onClick={() => setEditing(o)}>
                    {te.edit}
                  </Button>
                  <Button size="small" onClick={() => void toggle(o)}>
                    {o.isActive ? te.deactivate : te.activate}
                  </Button>
                  <Button size="small" type="link" onClick={() => void showPhone(o)}>
                    {te.showPhone}
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <FormModal<Values>
          title={editing === 'new' ? te.enrol : `${te.edit}：${editing.name}`}
          onClose={() => setEditing(null)}
          onSubmit={save}
          initialValues={
            editing === 'new'
              ? { kind: 'enterprise', term: [nowInShanghai(), nowInShanghai().add(1, 'year').subtract(1, 'day')] }
              : { name: editing.name, organisation: editing.organisation, kind: editing.kind, term: [dayjs(editing.termStart), dayjs(editing.termEnd)], note: editing.note }
          }
        >
          <Form.Item name="name" label={te.fields.name} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input maxLength={50} data-testid="officer-name" />
          </Form.Item>
          <Form.Item name="organisation" label={te.fields.organisation} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input maxLength={200} data-testid="officer-organisation" />
          </Form.Item>
          <Form.Item name="kind" label={te.fields.kind} rules={[{ required: true, message: t.common.required }]}>
            <Select options={optionsOf(te.kinds)} />
          </Form.Item>
          <Form.Item name="phone" label={te.fields.phone} rules={[{ required: editing === 'new', whitespace: true, message: t.common.required }]} extra={editing === 'new' ? undefined : editing.phoneMasked}>
            <Input maxLength={20} data-testid="officer-phone" />
          </Form.Item>
          <Form.Item name="term" label={te.fields.term} rules={[{ required: true, message: t.common.required }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="note" label={te.fields.note}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}

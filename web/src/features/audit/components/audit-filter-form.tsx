import { AutoComplete, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { shanghaiWallTimeToIso } from '../../../lib/time.ts';
import { optionsOf } from '../../../lib/options.ts';
import { auditActions, auditObjectTypes } from '../../../locales/audit.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import type { AuditFilter } from '../api.ts';

type Values = {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  outcome?: AuditFilter['outcome'];
  requestId?: string;
};

type Criteria = Omit<AuditFilter, 'page' | 'pageSize'>;

const ACTION_OPTIONS = Object.entries(auditActions).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
const OBJECT_TYPE_OPTIONS = Object.entries(auditObjectTypes).map(([value, label]) => ({ value, label: label ?? value }));

/** Search criteria; times are read as Beijing time whatever the browser's time zone. */
export function AuditFilterForm({ onSearch }: { onSearch: (criteria: Criteria) => void }) {
  const [form] = Form.useForm<Values>();
  const submit = ({ range, ...values }: Values) => {
    const text = (v?: string) => v?.trim() || undefined;
    onSearch({
      from: range?.[0] ? shanghaiWallTimeToIso(range[0]) : undefined,
      to: range?.[1] ? shanghaiWallTimeToIso(range[1]) : undefined,
      actor: text(values.actor),
      action: text(values.action),
      objectType: values.objectType,
      objectId: text(values.objectId),
      outcome: values.outcome,
      requestId: text(values.requestId),
    });
  };
  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="range" label={t.audit.timeRange}>
        <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item name="actor" label={t.audit.actor}>
        <Input allowClear placeholder={t.audit.actorPlaceholder} maxLength={100} />
      </Form.Item>
      <Form.Item name="action" label={t.audit.action}>
        <AutoComplete
          allowClear
          style={{ width: 240 }}
          placeholder={t.audit.actionPlaceholder}
          options={ACTION_OPTIONS}
          showSearch={{ filterOption: (input, option) => !!option && `${option.value}${option.label}`.includes(input) }}
        />
      </Form.Item>
      <Form.Item name="objectType" label={t.audit.objectType}>
        <Select allowClear style={{ width: 140 }} placeholder={t.common.all} options={OBJECT_TYPE_OPTIONS} />
      </Form.Item>
      <Form.Item name="objectId" label={t.audit.objectId}>
        <Input allowClear maxLength={100} />
      </Form.Item>
      <Form.Item name="outcome" label={t.audit.outcome}>
        <Select allowClear style={{ width: 100 }} placeholder={t.common.all} options={optionsOf(t.audit.outcomes)} />
      </Form.Item>
      <Form.Item name="requestId" label={t.audit.requestId}>
        <Input allowClear maxLength={100} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t.common.search}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t.common.reset}
        </Button>
      </Form.Item>
    </Form>
  );
}

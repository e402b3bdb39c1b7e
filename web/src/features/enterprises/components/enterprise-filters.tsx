import { Button, Form, Input, Select, Space } from 'antd';
import { optionsOf } from '../../../lib/options.ts';
import { te } from '../../../locales/enterprises.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import type { EnterpriseFilter } from '../api.ts';
import { useTowns } from '../queries.ts';
import { IndustrySelect } from './industry-select.tsx';

/** The registry's search: code or name, district and town, industry (any level), size, tag. */
export function EnterpriseFilters({ onSearch }: { onSearch: (filter: EnterpriseFilter) => void }) {
  const [form] = Form.useForm<EnterpriseFilter>();
  const towns = useTowns();
  const districts = [...new Set(towns.data?.map((x) => x.districtCode))];
  const submit = (values: EnterpriseFilter) =>
    onSearch(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as EnterpriseFilter);
  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="q" label={te.list.q}>
        <Input allowClear placeholder={te.list.qPlaceholder} style={{ width: 240 }} data-testid="enterprise-search-q" />
      </Form.Item>
      <Form.Item name="districtCode" label={te.list.district}>
        <Select allowClear style={{ width: 120 }} options={districts.map((d) => ({ value: d, label: d }))} placeholder={t.common.all} />
      </Form.Item>
      <Form.Item name="town" label={te.list.town}>
        <Select allowClear style={{ width: 130 }} options={[...new Set(towns.data?.map((x) => x.town))].map((x) => ({ value: x, label: x }))} placeholder={t.common.all} />
      </Form.Item>
      <Form.Item name="industry" label={te.list.industry}>
        <div style={{ width: 260 }}>
          <Form.Item name="industry" noStyle>
            <IndustrySelect allowClear />
          </Form.Item>
        </div>
      </Form.Item>
      <Form.Item name="sizeClass" label={te.list.sizeClass}>
        <Select allowClear style={{ width: 100 }} options={optionsOf(te.sizeClasses)} placeholder={t.common.all} />
      </Form.Item>
      <Form.Item name="tag" label={te.list.tag}>
        <Select allowClear style={{ width: 150 }} options={te.form.tagSuggestions.map((x) => ({ value: x, label: x }))} placeholder={t.common.all} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="enterprise-search-submit">
            {t.common.search}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t.common.reset}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { EnterpriseDto, EnterpriseType } from '@server/modules/enterprises/contract.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { optionsOf } from '../../../lib/options.ts';
import { toIsoDate } from '../../../lib/time.ts';
import { te } from '../../../locales/enterprises.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { checkUscc } from '../api.ts';
import { useCreateEnterprise, useTowns, useUpdateEnterprise } from '../queries.ts';
import { IndustrySelect } from './industry-select.tsx';
import { SizePreview } from './size-preview.tsx';

type Values = {
  uscc: string;
  name: string;
  type: EnterpriseType;
  legalRepresentative: string;
  registeredAddress: string;
  districtCode: string;
  town: string;
  registrationDate: dayjs.Dayjs | null;
  industryCode: string;
  employees: number | null;
  revenue: number | null;
  assets: number | null;
  tags: string[];
};

/** The code's check, as the person types: once 18 characters are in, the server says what is wrong and where. */
function UsccStatus({ code }: { code: string }) {
  const normalized = code.trim().toUpperCase();
  const check = useQuery({ queryKey: ['public', 'uscc', normalized], queryFn: () => checkUscc(normalized), enabled: normalized.length >= 17 });
  if (normalized.length < 17 || !check.data) return null;
  return <span style={{ color: check.data.valid ? '#389e0d' : '#cf1322' }}>{check.data.reason}</span>;
}

/** The code field; the district defaults to the code's positions 3–8 (the registering authority's division). */
function UsccInput({ value, onChange, isDisabled }: { value?: string; onChange?: (v: string) => void; isDisabled: boolean }) {
  const form = Form.useFormInstance<Values>();
  return (
    <Input
      value={value}
      maxLength={18}
      disabled={isDisabled}
      data-testid="enterprise-uscc"
      onChange={(e) => {
        onChange?.(e.target.value);
        const code = e.target.value.trim().toUpperCase();
        if (code.length >= 8 && !form.getFieldValue('districtCode')) form.setFieldValue('districtCode', code.slice(2, 8));
      }}
    />
  );
}

/** Registers an enterprise (enterprise = null) or edits one; the size class and its reason show as the inputs change. */
export function EnterpriseFormModal({ enterprise, onClose }: { enterprise: EnterpriseDto | null; onClose: () => void }) {
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise();
  const towns = useTowns();

  const submit = async ({ registrationDate, uscc, ...values }: Values) => {
    const body = { ...values, registrationDate: registrationDate ? toIsoDate(registrationDate) : null, town: values.town ?? '' };
    return enterprise ? update.mutateAsync({ id: enterprise.id, version: enterprise.version, ...body }) : create.mutateAsync({ uscc, ...body });
  };

  const initialValues: Partial<Values> = enterprise
    ? { ...enterprise, industryCode: enterprise.industry.code, registrationDate: enterprise.registrationDate ? dayjs(enterprise.registrationDate) : null }
    : { type: 'limited_liability', tags: [], legalRepresentative: '', registeredAddress: '', town: '', employees: null, revenue: null, assets: null };

  return (
    <FormModal<Values> title={enterprise ? te.form.editTitle : te.form.newTitle} initialValues={initialValues} onSubmit={submit} onClose={onClose} width={820}>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="uscc" label={te.fields.uscc} rules={[{ required: true, whitespace: true, message: t.common.required }]} extra={te.form.usccHelp}>
            <UsccInput isDisabled={enterprise !== null} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.uscc !== b.uscc}>
            {({ getFieldValue }) => (enterprise ? null : <div style={{ marginTop: -16, marginBottom: 16 }}><UsccStatus code={getFieldValue('uscc') ?? ''} /></div>)}
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="name" label={te.fields.name} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input maxLength={200} data-testid="enterprise-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="type" label={te.fields.type} rules={[{ required: true, message: t.common.required }]}>
            <Select options={optionsOf(te.enterpriseTypes)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="legalRepresentative" label={te.fields.legalRepresentative}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="registrationDate" label={te.fields.registrationDate}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="districtCode" label={te.fields.districtCode} rules={[{ required: true, message: t.common.required }]} extra={te.form.districtHelp}>
            <Input maxLength={6} data-testid="enterprise-district" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="town" label={te.fields.town}>
            <Select
              allowClear
              showSearch
              options={[...new Set(towns.data?.map((x) => x.town))].map((town) => ({ value: town, label: town }))}
              placeholder={t.common.selectPlaceholder}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="registeredAddress" label={te.fields.registeredAddress}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="industryCode" label={te.fields.industry} rules={[{ required: true, message: t.common.required }]}>
            <IndustrySelect />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="employees" label={te.fields.employees}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="enterprise-employees" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="revenue" label={te.fields.revenue}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="enterprise-revenue" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="assets" label={te.fields.assets}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => (
              <SizePreview
                industry={getFieldValue('industryCode')}
                employees={getFieldValue('employees')}
                revenue={getFieldValue('revenue')}
                assets={getFieldValue('assets')}
              />
            )}
          </Form.Item>
        </Col>
        <Col span={24} style={{ marginTop: 16 }}>
          <Form.Item name="tags" label={te.fields.tags}>
            <Select mode="tags" placeholder={te.form.tagsPlaceholder} options={te.form.tagSuggestions.map((x) => ({ value: x, label: x }))} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

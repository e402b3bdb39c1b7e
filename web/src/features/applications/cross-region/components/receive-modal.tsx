import { useQuery } from '@tanstack/react-query';
import { Checkbox, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { getItemNotice } from '../../../catalog/api.ts';
import { FormModal } from '../../../../components/form-modal.tsx';
import { tcr } from '../../../../locales/cross-region.zh-CN.ts';
import { createHandover } from '../api.ts';
import { useCrossRegionChange, useOwnDirectory } from '../queries.ts';

type Values = { answers?: Record<string, string>; itemCode: string; competentRegionCode: string; uscc: string; name?: string; contactPhone?: string; returnMethod: 'post' | 'e_license'; postalAddress?: string; identityChecked: boolean; materialsChecked: boolean };

/** 异地代收代办: the receiving clerk checks identity and materials and records the matter for the competent region. */
export function ReceiveModal({ onClose }: { onClose: () => void }) {
  const directory = useOwnDirectory();
  const create = useCrossRegionChange((v: Values) =>
    createHandover({
      mode: 'proxy',
      itemCode: v.itemCode,
      answers: v.answers ?? {},
      competentRegionCode: v.competentRegionCode,
      applicant: { uscc: v.uscc, name: v.name ?? '' },
      contactPhone: v.contactPhone || null,
      identityChecked: v.identityChecked,
      materialsChecked: v.materialsChecked,
      returnMethod: v.returnMethod,
      postalAddress: v.postalAddress ?? '',
    }),
  );
  const [itemCode, setItemCode] = useState<string | null>(null);
  // the item's situation questions decide the checklist the competent center works from
  const notice = useQuery({ queryKey: ['portal', 'notice', 'item', itemCode, ''], queryFn: () => getItemNotice(itemCode!, ''), enabled: !!itemCode });
  const f = tcr.form;
  const entries = (directory.data ?? []).filter((e) => e.modes.includes('proxy'));
  return (
    <FormModal<Values> title={f.title} onSubmit={create.mutateAsync} onClose={onClose} successText={f.created} initialValues={{ returnMethod: 'post', identityChecked: false, materialsChecked: false }} width={640}>
      <Form.Item name="itemCode" label={f.item} extra={f.itemHint} rules={[{ required: true }]}>
        <Select data-testid="cross-region-item" onChange={(v: string) => setItemCode(v)} showSearch optionFilterProp="label" options={entries.map((e) => ({ value: e.itemCode, label: e.itemName }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.itemCode !== b.itemCode}>
        {({ getFieldValue }) => (
          <Form.Item name="competentRegionCode" label={f.region} rules={[{ required: true }]}>
            <Select data-testid="cross-region-region" options={(entries.find((e) => e.itemCode === getFieldValue('itemCode'))?.partnerRegions ?? []).map((r) => ({ value: r.code, label: r.name }))} />
          </Form.Item>
        )}
      </Form.Item>
      {(notice.data?.questions ?? []).map((q) => (
        <Form.Item key={q.key} name={['answers', q.key]} label={q.text} rules={[{ required: true }]}>
          <Radio.Group options={q.options.map((o) => ({ value: o.key, label: o.label }))} data-testid={`cross-region-question-${q.key}`} />
        </Form.Item>
      ))}
      <Form.Item name="uscc" label={f.uscc} rules={[{ required: true }]}>
        <Input data-testid="cross-region-uscc" />
      </Form.Item>
      <Form.Item name="name" label={f.name} extra={f.nameHint}>
        <Input />
      </Form.Item>
      <Form.Item name="contactPhone" label={f.phone}>
        <Input />
      </Form.Item>
      <Form.Item name="returnMethod" label={f.returnMethod}>
        <Radio.Group options={Object.entries(tcr.returnMethods).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="postalAddress" label={f.postalAddress}>
        <Input data-testid="cross-region-address" />
      </Form.Item>
      <Form.Item name="identityChecked" valuePropName="checked" rules={[{ validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(f.mustCheck))) }]}>
        <Checkbox data-testid="cross-region-identity">{f.identityChecked}</Checkbox>
      </Form.Item>
      <Form.Item name="materialsChecked" valuePropName="checked" rules={[{ validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(f.mustCheck))) }]}>
        <Checkbox data-testid="cross-region-materials">{f.materialsChecked}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

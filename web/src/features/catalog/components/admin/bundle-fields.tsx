import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { optionsOf } from '../../../../lib/options.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { CodeAndName, ContactFields, KeywordsField, required } from './guide-fields.tsx';

type Option = { value: string; label: string };

export function BundleBasics({ departments, isNew }: { departments: Option[]; isNew: boolean }) {
  return (
    <>
      <Row gutter={16}>
        <CodeAndName isNew={isNew} nameLabel={tc.form.bundleName} />
        <Col xs={24} md={8}>
          <Form.Item name="lifeStage" label={tc.form.lifeStage} rules={required}>
            <Select options={optionsOf(tc.lifeStages)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="leadDepartmentId" label={tc.form.leadDepartment} rules={required}>
            <Select options={departments} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={tc.form.description}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
      </Form.Item>
      <KeywordsField />
      <ContactFields />
    </>
  );
}

/** The bundle's members: items (or smaller bundles), each at a step; members of one step run in parallel. */
export function BundleMembers({ items, bundles }: { items: Option[]; bundles: Option[] }) {
  return (
    <Form.List name="members">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <MemberRow key={f.key} name={f.name} items={items} bundles={bundles} onRemove={() => remove(f.name)} />
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'item', code: undefined, stage: 1 })} data-testid="add-member">
            {tc.form.addMember}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function MemberRow({ name, items, bundles, onRemove }: { name: number; items: Option[]; bundles: Option[]; onRemove: () => void }) {
  const kind = Form.useWatch(['members', name, 'kind']) as 'item' | 'bundle' | undefined;
  return (
    <Space align="baseline" style={{ display: 'flex' }} wrap>
      <Form.Item name={[name, 'kind']} rules={required}>
        <Select options={optionsOf(tc.kinds)} style={{ width: 100 }} aria-label={tc.form.memberKind} />
      </Form.Item>
      <Form.Item name={[name, 'code']} rules={required}>
        <Select options={kind === 'bundle' ? bundles : items} showSearch={{ optionFilterProp: 'label' }} style={{ width: 420 }} placeholder={tc.form.memberCode} />
      </Form.Item>
      <Form.Item name={[name, 'stage']} rules={required}>
        <InputNumber min={1} max={10} prefix={tc.form.memberStage} style={{ width: 120 }} />
      </Form.Item>
      <MinusCircleOutlined onClick={onRemove} />
    </Space>
  );
}

import { Button, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { optionsOf } from '../../../../lib/options.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { FIELD_LABELS, tc } from '../../../../locales/catalog.zh-CN.ts';
import { CodeAndName, ContactFields, KeywordsField, required } from './guide-fields.tsx';

/** Name, department, theme, time limits, fees, where and how: the guide's fixed fields. */
export function ItemBasics({ departments, isNew }: { departments: { value: string; label: string }[]; isNew: boolean }) {
  return (
    <>
      <Row gutter={16}>
        <CodeAndName isNew={isNew} nameLabel={tc.form.itemName} testIds={{ code: 'item-code', name: 'item-name' }} />
        <Col xs={24} md={8}>
          <Form.Item name="basicCode" label={FIELD_LABELS.basicCode}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="itemType" label={FIELD_LABELS.itemType} rules={required}>
            <Select options={optionsOf(tc.itemTypes)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="theme" label={FIELD_LABELS.theme} rules={required}>
            <Select options={optionsOf(tc.themes)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="departmentId" label={FIELD_LABELS.departmentId} rules={required}>
            <Select options={departments} showSearch={{ optionFilterProp: 'label' }} placeholder={t.common.selectPlaceholder} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="serviceObjects" label={FIELD_LABELS.serviceObjects} rules={required}>
            <Select mode="multiple" options={optionsOf(tc.serviceObjects)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="legalBasis" label={FIELD_LABELS.legalBasis}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name="processingKind" label={FIELD_LABELS.processingKind} rules={required}>
            <Radio.Group options={optionsOf(tc.processingKinds)} optionType="button" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="legalLimitDays" label={FIELD_LABELS.legalLimitDays}>
            <InputNumber min={0} max={365} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="promisedLimitDays" label={FIELD_LABELS.promisedLimitDays} rules={required}>
            <InputNumber min={0} max={365} style={{ width: '100%' }} data-testid="promised-days" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="visitsNeeded" label={FIELD_LABELS.visitsNeeded} rules={required}>
            <InputNumber min={0} max={5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="promisedLimitNote" label={FIELD_LABELS.promisedLimitNote}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={4}>
          <Form.Item name="isFeeCharged" label={FIELD_LABELS.isFeeCharged} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="feeDescription" label={FIELD_LABELS.feeDescription}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="feeBasis" label={FIELD_LABELS.feeBasis}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="channels" label={FIELD_LABELS.channels} rules={required}>
        <Checkbox.Group options={optionsOf(tc.channels)} />
      </Form.Item>
      <ContactFields>
        <Col xs={24} md={12}>
          <Form.Item name="onlineUrl" label={FIELD_LABELS.onlineUrl}>
            <Input maxLength={300} placeholder={tc.form.urlPlaceholder} />
          </Form.Item>
        </Col>
      </ContactFields>
      <KeywordsField />
      <TextList name="conditions" label={FIELD_LABELS.conditions!} addLabel={tc.form.addCondition} />
      <Form.Item label={FIELD_LABELS.steps}>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'name']} rules={required}>
                    <Input placeholder={tc.form.stepName} maxLength={50} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']}>
                    <Input placeholder={tc.form.stepDescription} maxLength={500} style={{ width: 480 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', description: '' })}>
                {tc.form.addStep}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

/** A list of free texts (conditions, certificates…), one input per entry. */
export function TextList({ name, label, addLabel }: { name: string | (string | number)[]; label: string; addLabel: string }) {
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={f.name} rules={[{ required: true, whitespace: true, message: t.common.required }]} style={{ width: 640 }}>
                  <Input.TextArea autoSize maxLength={500} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

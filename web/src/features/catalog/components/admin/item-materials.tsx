import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { optionsOf } from '../../../../lib/options.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { FIELD_LABELS, tc } from '../../../../locales/catalog.zh-CN.ts';
import { FileField } from './file-field.tsx';

const required = [{ required: true, message: t.common.required }];
const LICENSE_OPTIONS = Object.entries(tc.licenseTypes).map(([value, label]) => ({ value, label: `${label}（${value}）` }));

/** The materials of a guide, one card each. */
export function ItemMaterials({ centerId }: { centerId: string }) {
  return (
    <Form.List name="materials">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              title={`${i + 1}.`}
              extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t.common.delete} />}
              style={{ marginBottom: 12 }}
            >
              <Row gutter={12}>
                <Col xs={24} md={6}>
                  <Form.Item name={[f.name, 'key']} label={FIELD_LABELS.key} rules={required} tooltip={tc.form.materialKeyHint}>
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={18}>
                  <Form.Item name={[f.name, 'name']} label={FIELD_LABELS.name} rules={required}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[f.name, 'importance']} label={FIELD_LABELS.importance} rules={required}>
                    <Select options={optionsOf(tc.importance)} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[f.name, 'form']} label={FIELD_LABELS.form} rules={required}>
                    <Select options={optionsOf(tc.forms)} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[f.name, 'copies']} label={FIELD_LABELS.copies} rules={required}>
                    <InputNumber min={1} max={20} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name={[f.name, 'medium']} label={FIELD_LABELS.medium} rules={required}>
                    <Select options={optionsOf(tc.media)} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[f.name, 'licenseType']} label={FIELD_LABELS.licenseType}>
                    <AutoComplete options={LICENSE_OPTIONS} allowClear placeholder={tc.form.licensePlaceholder} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name={[f.name, 'templateFileId']} label={FIELD_LABELS.templateFileId}>
                    <FileField centerId={centerId} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name={[f.name, 'sampleFileId']} label={FIELD_LABELS.sampleFileId}>
                    <FileField centerId={centerId} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name={[f.name, 'notes']} label={FIELD_LABELS.notes}>
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() =>
              add({ key: `m${fields.length + 1}`, name: '', importance: 'core', form: 'original', copies: 1, medium: 'either', licenseType: null, templateFileId: null, sampleFileId: null, notes: '' })
            }
            data-testid="add-material"
          >
            {tc.form.addMaterial}
          </Button>
        </>
      )}
    </Form.List>
  );
}

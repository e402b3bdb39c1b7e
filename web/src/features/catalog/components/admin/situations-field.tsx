import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { t } from '../../../../locales/zh-CN.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';

const required = [{ required: true, message: t.common.required }];
type Option = { value: string; label: string };

/**
 * Situation questions (情形). For an item each answer adds or removes materials; for a bundle
 * each answer may make members unnecessary. Both may add conditions.
 */
export function SituationsField({ kind, choices }: { kind: 'item' | 'bundle'; choices: Option[] }) {
  return (
    <Form.List name="situations">
      {(questions, { add, remove }) => (
        <>
          {questions.map((q) => (
            <Card
              key={q.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={
                <Space>
                  <Form.Item name={[q.name, 'key']} rules={required} noStyle>
                    <Input placeholder={tc.form.questionKey} style={{ width: 160 }} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[q.name, 'text']} rules={required} noStyle>
                    <Input placeholder={tc.form.questionText} style={{ width: 360 }} maxLength={100} />
                  </Form.Item>
                </Space>
              }
              extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(q.name)} aria-label={t.common.delete} />}
            >
              <Form.List name={[q.name, 'options']}>
                {(options, opt) => (
                  <>
                    {options.map((o) => (
                      <Row key={o.key} gutter={8} align="top">
                        <Col xs={12} md={3}>
                          <Form.Item name={[o.name, 'key']} rules={required}>
                            <Input placeholder={tc.form.optionKey} maxLength={40} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={4}>
                          <Form.Item name={[o.name, 'label']} rules={required}>
                            <Input placeholder={tc.form.optionLabel} maxLength={50} />
                          </Form.Item>
                        </Col>
                        {kind === 'item' ? (
                          <>
                            <Col xs={24} md={5}>
                              <Form.Item name={[o.name, 'addsMaterials']}>
                                <Select mode="multiple" options={choices} placeholder={tc.form.addsMaterials} />
                              </Form.Item>
                            </Col>
                            <Col xs={24} md={5}>
                              <Form.Item name={[o.name, 'removesMaterials']}>
                                <Select mode="multiple" options={choices} placeholder={tc.form.removesMaterials} />
                              </Form.Item>
                            </Col>
                          </>
                        ) : (
                          <Col xs={24} md={10}>
                            <Form.Item name={[o.name, 'skipsMembers']}>
                              <Select mode="multiple" options={choices} placeholder={tc.form.skipsMembers} />
                            </Form.Item>
                          </Col>
                        )}
                        <Col xs={22} md={6}>
                          <Form.Item name={[o.name, 'addsConditions']}>
                            <Select mode="tags" open={false} suffixIcon={null} placeholder={tc.form.addsConditions} />
                          </Form.Item>
                        </Col>
                        <Col xs={2} md={1}>
                          <MinusCircleOutlined onClick={() => opt.remove(o.name)} style={{ marginTop: 8 }} />
                        </Col>
                      </Row>
                    ))}
                    <Button
                      size="small"
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => opt.add(kind === 'item' ? { key: '', label: '', addsMaterials: [], removesMaterials: [], addsConditions: [] } : { key: '', label: '', skipsMembers: [], addsConditions: [] })}
                    >
                      {tc.form.addOption}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                key: '',
                text: '',
                options:
                  kind === 'item'
                    ? [
                        { key: 'yes', label: tc.form.yes, addsMaterials: [], removesMaterials: [], addsConditions: [] },
                        { key: 'no', label: tc.form.no, addsMaterials: [], removesMaterials: [], addsConditions: [] },
                      ]
                    : [
                        { key: 'yes', label: tc.form.yes, skipsMembers: [], addsConditions: [] },
                        { key: 'no', label: tc.form.no, skipsMembers: [], addsConditions: [] },
                      ],
              })
            }
          >
            {tc.form.addQuestion}
          </Button>
        </>
      )}
    </Form.List>
  );
}

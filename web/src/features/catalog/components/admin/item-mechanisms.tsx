import { Card, Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import type { ItemGuide } from '../../api.ts';
import { optionsOf } from '../../../../lib/options.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';

/** Commitment (A.4), deferred materials (A.9), joint review (A.8) and appointments (A.6). */
export function ItemMechanisms({ departments }: { departments: { value: string; label: string }[] }) {
  const form = Form.useFormInstance<ItemGuide>();
  const materials = (Form.useWatch('materials', form) ?? []) as ItemGuide['materials'];
  const isCommitment = Form.useWatch(['commitment', 'isAllowed'], form);
  const isDeferral = Form.useWatch(['deferral', 'isAllowed'], form);
  const mode = Form.useWatch(['appointment', 'mode'], form);
  const secondary = materials.filter((m) => m?.importance === 'secondary' && m.key).map((m) => ({ value: m.key, label: `${m.name}（${m.key}）` }));
  return (
    <>
      <Card size="small" title={tc.notice.commitment} style={{ marginBottom: 12 }}>
        <Form.Item name={['commitment', 'isAllowed']} label={tc.form.commitmentAllowed} valuePropName="checked">
          <Switch data-testid="commitment-switch" />
        </Form.Item>
        {isCommitment && (
          <>
            <Form.Item name={['commitment', 'certificates']} label={tc.form.certificatesLabel}>
              <Select mode="tags" open={false} suffixIcon={null} />
            </Form.Item>
            <Form.Item name={['commitment', 'text']} label={tc.form.commitmentTextLabel}>
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={3000} />
            </Form.Item>
          </>
        )}
      </Card>
      <Card size="small" title={tc.notice.deferral} style={{ marginBottom: 12 }}>
        <Form.Item name={['deferral', 'isAllowed']} label={tc.form.deferralAllowed} valuePropName="checked">
          <Switch data-testid="deferral-switch" />
        </Form.Item>
        {isDeferral && (
          <Row gutter={12}>
            <Col xs={24} md={16}>
              <Form.Item name={['deferral', 'materialKeys']} label={tc.form.deferralKeys}>
                <Select mode="multiple" options={secondary} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['deferral', 'supplementDays']} label={tc.form.supplementDays}>
                <InputNumber min={1} max={365} style={{ width: '100%' }} data-testid="supplement-days" />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Card>
      <Card size="small" title={tc.notice.jointReview} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name={['jointReview', 'group']} label={tc.form.jointGroup}>
              <Input maxLength={50} allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['jointReview', 'leadDepartmentId']} label={tc.form.jointLead}>
              <Select options={departments} allowClear showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={tc.notice.appointment}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name={['appointment', 'mode']} label={tc.form.appointmentMode}>
              <Radio.Group options={optionsOf(tc.appointmentModes)} optionType="button" />
            </Form.Item>
          </Col>
          {mode !== 'appointment_only' && (
            <Col xs={24} md={12}>
              <Form.Item name={['appointment', 'walkInDailyQuota']} label={tc.form.walkInQuota}>
                <InputNumber min={1} max={10000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Card>
    </>
  );
}

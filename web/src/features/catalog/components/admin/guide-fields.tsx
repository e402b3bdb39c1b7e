import type { ReactNode } from 'react';
import { Col, Form, Input, Row, Select } from 'antd';
import { t } from '../../../../locales/zh-CN.ts';
import { FIELD_LABELS, tc } from '../../../../locales/catalog.zh-CN.ts';

// The fields every guide has, item or bundle, laid out the same in both editors.

export const required = [{ required: true, message: t.common.required }];

/** Two columns: the code (fixed once created) and the guide's name. */
export function CodeAndName({ isNew, nameLabel, testIds }: { isNew: boolean; nameLabel: string; testIds?: { code: string; name: string } }) {
  return (
    <>
      <Col xs={24} md={8}>
        <Form.Item name="code" label={tc.admin.code} rules={required} extra={isNew ? tc.form.codeHint : undefined}>
          <Input disabled={!isNew} maxLength={40} data-testid={testIds?.code} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="name" label={nameLabel} rules={required}>
          <Input maxLength={100} data-testid={testIds?.name} />
        </Form.Item>
      </Col>
    </>
  );
}

/** Where and when, and the phone numbers; `children` adds columns to the same row. */
export function ContactFields({ children }: { children?: ReactNode }) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="place" label={FIELD_LABELS.place}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="hours" label={FIELD_LABELS.hours}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="enquiryPhone" label={FIELD_LABELS.enquiryPhone}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="complaintPhone" label={FIELD_LABELS.complaintPhone}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      {children}
    </Row>
  );
}

/** Free keywords the search also matches. */
export function KeywordsField() {
  return (
    <Form.Item name="keywords" label={tc.form.keywordsLabel}>
      <Select mode="tags" open={false} suffixIcon={null} />
    </Form.Item>
  );
}

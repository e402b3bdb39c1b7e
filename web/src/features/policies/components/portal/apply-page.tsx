import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, Input, List, Radio, Result, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { describeError } from '../../../../components/use-show-error.ts';
import { tpol } from '../../../../locales/policies.zh-CN.ts';
import type { ApplicationForm, ApplyBody } from '../../api.ts';
import { useApplicationForm, useApplyForPolicy, useUploadMaterial } from '../../queries.ts';

type Provided = { fileId: string; filename: string } | 'license';

/**
 * 网上申报 of an apply-mode policy: the enterprise's registered data and its e-licenses fill the
 * form; it answers the item's questions, uploads what remains and submits. The application is
 * then checked at the 惠企政策 window and reviewed by the item's department.
 */
export function PolicyApplyPage() {
  const { id = '' } = useParams();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [provided, setProvided] = useState<Record<string, Provided | undefined>>({});
  const [phone, setPhone] = useState('');
  const [uploading, setUploading] = useState<string | null>(null);
  const form = useApplicationForm(id, answers);
  const apply = useApplyForPolicy(id);
  const upload = useUploadMaterial();
  if (form.isError) return <QueryError error={form.error} onRetry={() => void form.refetch()} />;
  if (!form.data) return <Skeleton active />;
  const f = form.data;
  if (apply.data) {
    return (
      <Result
        status="success"
        title={tpol.apply.submitted}
        subTitle={<span data-testid="apply-number">{tpol.apply.submittedText(apply.data.number)}</span>}
        extra={<Link to="/portal/my-policies">{tpol.apply.toMine}</Link>}
      />
    );
  }
  // an e-license is used unless the enterprise chose to upload instead
  const choice = (m: ApplicationForm['materials'][number]): Provided | undefined => provided[m.key] ?? (m.license ? 'license' : undefined);
  const isAnswered = f.questions.every((q) => answers[q.key] !== undefined);
  const submit = () =>
    apply.mutate({
      answers,
      contactPhone: phone.trim(),
      materials: f.materials.flatMap((m): ApplyBody['materials'] => {
        const c = choice(m);
        if (c === 'license') return [{ key: m.key, fileId: null, licenseId: m.license!.id }];
        return c ? [{ key: m.key, fileId: c.fileId, licenseId: null }] : [];
      }),
    });
  return (
    <Card title={tpol.apply.title(f.policy.title)} data-testid="apply-page">
      <Flex vertical gap="large">
        {f.existing && <Alert type="info" showIcon title={tpol.apply.existing(f.existing.number, f.existing.stateLabel)} action={<Link to="/portal/my-policies">{tpol.apply.toMine}</Link>} />}
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={tpol.apply.item}>{`${f.item.code} ${f.item.name}`}</Descriptions.Item>
          <Descriptions.Item label={tpol.apply.department}>{tpol.list(f.item.departmentName, tpol.apply.limit(f.item.promisedLimitDays))}</Descriptions.Item>
          <Descriptions.Item label={tpol.fields.amountRule}>{f.policy.amountText}</Descriptions.Item>
        </Descriptions>
        <Descriptions title={tpol.apply.applicant} size="small" bordered column={{ xs: 1, md: 2 }} data-testid="apply-applicant">
          <Descriptions.Item label={tpol.apply.applicantFields.name}>{f.applicant.name}</Descriptions.Item>
          <Descriptions.Item label={tpol.apply.applicantFields.uscc}>{f.applicant.uscc}</Descriptions.Item>
          <Descriptions.Item label={tpol.apply.applicantFields.legalRepresentative}>{f.applicant.legalRepresentative}</Descriptions.Item>
          <Descriptions.Item label={tpol.apply.applicantFields.address}>{f.applicant.address}</Descriptions.Item>
          <Descriptions.Item label={tpol.apply.applicantFields.industry}>{f.applicant.industry}</Descriptions.Item>
          <Descriptions.Item label={tpol.apply.applicantFields.sizeClass}>{f.applicant.sizeClass ? tpol.sizes[f.applicant.sizeClass as keyof typeof tpol.sizes] : '—'}</Descriptions.Item>
          <Descriptions.Item label={tpol.apply.applicantFields.employees}>{f.applicant.employees ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={tpol.apply.applicantFields.revenue}>{f.applicant.revenue ?? '—'}</Descriptions.Item>
        </Descriptions>
        {f.questions.length > 0 && (
          <Form layout="vertical">
            <Typography.Text strong>{tpol.apply.questions}</Typography.Text>
            {f.questions.map((q) => (
              <Form.Item key={q.key} label={q.text} required>
                <Radio.Group
                  value={answers[q.key]}
                  onChange={(e) => setAnswers((a) => ({ ...a, [q.key]: e.target.value as string }))}
                  options={q.options.map((o) => ({ value: o.key, label: o.label }))}
                  data-testid={`apply-question-${q.key}`}
                />
              </Form.Item>
            ))}
          </Form>
        )}
        <List
          header={
            <Flex vertical gap={4}>
              <Typography.Text strong>{tpol.apply.materials}</Typography.Text>
              {f.materials.some((m) => m.license) && (
                <Typography.Text type="secondary" data-testid="apply-license-hint">
                  {tpol.apply.licenseHint}
                </Typography.Text>
              )}
            </Flex>
          }
          dataSource={f.materials}
          data-testid="apply-materials"
          renderItem={(m) => {
            const c = choice(m);
            return (
              <List.Item data-testid="apply-material" data-key={m.key}>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{m.name}</Typography.Text>
                    <Tag color={m.importance === 'core' ? 'red' : 'default'}>{m.importance === 'core' ? tpol.apply.core : tpol.apply.secondary}</Tag>
                  </Space>
                  <Typography.Text type="secondary">{m.requirement}</Typography.Text>
                  {m.license && (
                    <Checkbox
                      checked={c === 'license'}
                      onChange={(e) => setProvided((p) => ({ ...p, [m.key]: e.target.checked ? 'license' : undefined }))}
                      data-testid="apply-use-license"
                    >
                      {tpol.apply.useLicense(m.license.typeName, m.license.number)}
                    </Checkbox>
                  )}
                  {c !== 'license' && (
                    <Space wrap>
                      <Upload
                        accept=".pdf,.jpg,.jpeg,.png"
                        showUploadList={false}
                        customRequest={({ file }) => {
                          setUploading(m.key);
                          upload.mutate(file as File, {
                            onSuccess: (stored) => setProvided((p) => ({ ...p, [m.key]: { fileId: stored.id, filename: stored.filename } })),
                            onSettled: () => setUploading(null),
                          });
                        }}
                      >
                        <Button size="small" icon={<UploadOutlined />} loading={uploading === m.key} data-testid="apply-upload">
                          {c ? tpol.apply.replace : tpol.apply.upload}
                        </Button>
                      </Upload>
                      {c && <Typography.Text type="success" data-testid="apply-uploaded">{tpol.apply.uploaded(c.filename)}</Typography.Text>}
                    </Space>
                  )}
                </Flex>
              </List.Item>
            );
          }}
        />
        {upload.isError && <Alert type="error" showIcon title={describeError(upload.error)} />}
        <Form layout="vertical">
          <Form.Item label={tpol.apply.contactPhone} extra={tpol.apply.contactPhoneHint(f.applicant.contactPhoneMasked)}>
            <Input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={20} style={{ maxWidth: 240 }} data-testid="apply-phone" />
          </Form.Item>
        </Form>
        {apply.isError && <Alert type="error" showIcon title={describeError(apply.error)} data-testid="apply-error" />}
        <Space>
          <Button type="primary" disabled={!isAnswered || f.existing !== null} loading={apply.isPending} onClick={submit} data-testid="apply-submit">
            {tpol.apply.submit}
          </Button>
          {!isAnswered && <Typography.Text type="secondary">{tpol.apply.answerFirst}</Typography.Text>}
        </Space>
      </Flex>
    </Card>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, List, Radio, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { meQuery } from '../../../auth/queries.ts';
import { describeError } from '../../../../components/use-show-error.ts';
import { formatDateTime } from '../../../../lib/time.ts';
import { ta } from '../../../../locales/applications.zh-CN.ts';
import { useProgress } from '../../queries.ts';

type Query = { number: string; checkCode?: string; phone?: string; asked: number };

/**
 * 办件进度 (portal): by application number and a secret the applicant holds — the check code on the
 * acceptance notice or the phone given at intake; a timeline in plain Chinese. An enterprise signed in
 * sees its credit code filled in and is pointed to 我的办件; a link from there fills number and check
 * code and asks at once. Every 查询 asks the server again.
 */
export function ProgressPage() {
  const [params] = useSearchParams();
  const [by, setBy] = useState<'checkCode' | 'phone'>('checkCode');
  const linked = { number: params.get('number') ?? '', checkCode: params.get('checkCode') ?? '' };
  const [query, setQuery] = useState<Query | null>(linked.number && linked.checkCode ? { ...linked, asked: 0 } : null);
  const progress = useProgress(query);
  const { data: me } = useQuery(meQuery);
  const enterprise = me?.type === 'enterprise' ? me : null;
  const p = progress.data;
  return (
    <Flex vertical gap="middle">
      <Card title={ta.progress.title}>
        <Form<{ number: string; key: string }>
          layout="inline"
          style={{ rowGap: 8 }}
          initialValues={{ number: linked.number, key: linked.checkCode }}
          onFinish={(v) =>
            setQuery((q) => ({ number: v.number.trim(), ...(by === 'checkCode' ? { checkCode: v.key.trim().toUpperCase() } : { phone: v.key.trim() }), asked: (q?.asked ?? 0) + 1 }))
          }
        >
          {enterprise && (
            <Form.Item label={ta.progress.uscc}>
              <Input value={enterprise.uscc} disabled style={{ width: 200 }} data-testid="progress-uscc" />
            </Form.Item>
          )}
          <Form.Item name="number" label={ta.progress.number} rules={[{ required: true }]}>
            <Input placeholder={ta.progress.numberPlaceholder} style={{ width: 220 }} data-testid="progress-number" />
          </Form.Item>
          <Form.Item label={ta.progress.by}>
            <Radio.Group value={by} onChange={(e) => setBy(e.target.value as typeof by)} options={[{ value: 'checkCode', label: ta.progress.byCheckCode }, { value: 'phone', label: ta.progress.byPhone }]} />
          </Form.Item>
          <Form.Item name="key" rules={[{ required: true }]}>
            <Input
              style={{ width: 220 }}
              aria-label={ta.progress.keyLabel}
              placeholder={by === 'checkCode' ? ta.progress.checkCodePlaceholder : ta.progress.phonePlaceholder}
              maxLength={by === 'checkCode' ? 8 : 20}
              data-testid="progress-key"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={progress.isFetching} data-testid="progress-submit">
            {ta.progress.query}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {ta.progress.hint}
        </Typography.Paragraph>
        {enterprise && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            <Link to="/portal/my-applications" data-testid="progress-my-applications">
              {ta.progress.signedIn}
            </Link>
          </Typography.Paragraph>
        )}
      </Card>
      {progress.isError && <Alert type="warning" showIcon title={describeError(progress.error)} />}
      {p && (
        <Card title={`${p.name}（${p.number}）`} data-testid="progress-result">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={ta.fields.applicant}>{p.applicantName}</Descriptions.Item>
            <Descriptions.Item label={ta.fields.state}>{p.stateLabel}</Descriptions.Item>
            {p.dueDate && <Descriptions.Item label={ta.fields.dueDate}>{p.dueDate}</Descriptions.Item>}
          </Descriptions>
          <Typography.Paragraph strong>{p.summary}</Typography.Paragraph>
          <Timeline
            data-testid="progress-steps"
            items={p.steps.map((s, i) => ({
              key: i,
              content: (
                <>
                  <Typography.Text strong>{s.title}</Typography.Text>
                  <Typography.Text type="secondary">{`\u3000${formatDateTime(s.at)}`}</Typography.Text>
                  <div>{s.text}</div>
                </>
              ),
            }))}
          />
          {p.children.length > 0 && (
            <List size="small" header={ta.progress.children} dataSource={p.children} renderItem={(c) => <List.Item>{`${c.name}：${c.stateLabel}`}</List.Item>} />
          )}
          {p.notices.length > 0 && (
            <List size="small" header={ta.progress.notices} dataSource={p.notices} renderItem={(n) => <List.Item>{`${n.title}\u3000${n.number}`}</List.Item>} />
          )}
        </Card>
      )}
    </Flex>
  );
}

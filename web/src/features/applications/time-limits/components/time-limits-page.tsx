import { Alert, Button, Card, Flex, Form, InputNumber, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../../app/auth-context.tsx';
import { FormModal } from '../../../../components/form-modal.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { formatDateTime, todayInShanghai } from '../../../../lib/time.ts';
import { ttl } from '../../../../locales/time-limits.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { defaultPeriod, PeriodPicker, type Period } from '../../../feedback/components/period-picker.tsx';
import type { NoticeDto, TimeLimitFigures } from '../api.ts';
import { useSaveTimeLimitSettings, useSupervisions, useTimeLimitFigures, useTimeLimitNoticeCount, useTimeLimitNotices, useTimeLimitSettings } from '../queries.ts';
import { SupervisionTable } from './supervisions.tsx';
import { AlertKindTag } from './time-limit-panel.tsx';

type FigureRow = TimeLimitFigures['departments'][number];

/** 时限预警 (A.7): the alerts raised to me, the supervisions, the figures per department and the setting. */
export function TimeLimitsPage() {
  const { can } = useAuth();
  const [state, setState] = useState<'open' | 'all'>('open');
  const [period, setPeriod] = useState<Period>(defaultPeriod(todayInShanghai()));
  const notices = useTimeLimitNotices(state);
  const count = useTimeLimitNoticeCount(true);
  const figures = useTimeLimitFigures(period);
  const scope = can('time_limit.supervise') ? 'center' : 'mine';
  const supervisions = useSupervisions(scope);

  return (
    <Flex vertical gap={16}>
      {(count.data?.open ?? 0) > 0 && <Alert type="warning" showIcon title={ttl.notice(count.data!.open)} data-testid="time-limit-notice" />}
      <Card title={ttl.notices} extra={<Segmented value={state} onChange={(v) => setState(v as 'open' | 'all')} options={[{ value: 'open', label: ttl.onlyOpen }, { value: 'all', label: ttl.all }]} />}>
        <Typography.Paragraph type="secondary">{ttl.intro}</Typography.Paragraph>
        <SettingsLine />
        {notices.isError ? (
          <QueryError error={notices.error} onRetry={() => void notices.refetch()} />
        ) : (
          <Table<NoticeDto>
            rowKey={(n) => n.alert.id}
            size="middle"
            loading={notices.isFetching}
            dataSource={notices.data}
            data-testid="time-limit-notices"
            columns={[
              { title: ttl.fields.kind, render: (_, n) => <AlertKindTag kind={n.alert.kind} level={n.alert.level} /> },
              { title: ttl.fields.application, render: (_, n) => <Link to={`/applications/${n.application.id}`}>{`${n.application.number} ${n.application.name}`}</Link> },
              { title: ttl.fields.applicant, render: (_, n) => n.application.applicantName },
              { title: ttl.fields.department, render: (_, n) => n.alert.departmentName },
              { title: ttl.fields.dueDate, render: (_, n) => n.alert.dueDate },
              { title: ttl.fields.usedShare, render: (_, n) => `${Math.round(n.alert.usedShare * 100)}%` },
              { title: ttl.fields.raisedAt, render: (_, n) => formatDateTime(n.alert.raisedAt) },
              { title: ttl.fields.myRole, render: (_, n) => ttl.roles[n.role] },
              { title: ttl.fields.state, render: (_, n) => <Tag color={n.application.isOpen ? 'orange' : 'default'}>{n.application.isOpen ? ttl.undecided : ttl.decided}</Tag> },
            ]}
          />
        )}
      </Card>
      <Card title={scope === 'center' ? ttl.supervisionsCenter : ttl.supervisionsMine} size="small">
        {supervisions.isError ? <QueryError error={supervisions.error} onRetry={() => void supervisions.refetch()} /> : <SupervisionTable rows={supervisions.data} loading={supervisions.isFetching} showApplication />}
      </Card>
      <Card title={ttl.figures} size="small" extra={<PeriodPicker value={period} onChange={setPeriod} />}>
        {figures.isError ? (
          <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
        ) : (
          <Table<FigureRow>
            rowKey="departmentId"
            size="small"
            pagination={false}
            loading={figures.isFetching}
            dataSource={figures.data?.departments}
            data-testid="time-limit-figures"
            columns={[
              { title: ttl.fields.department, dataIndex: 'departmentName' },
              ...(['warnings', 'overdue', 'escalated', 'supervisedOpen', 'supervisedReplied'] as const).map((k) => ({ title: ttl.figureFields[k], dataIndex: k, align: 'right' as const })),
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}

/** The center's setting, changed by a manager. */
function SettingsLine() {
  const { can } = useAuth();
  const settings = useTimeLimitSettings();
  const save = useSaveTimeLimitSettings();
  const [isEditing, setEditing] = useState(false);
  if (!settings.data) return null;
  const s = settings.data;
  return (
    <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
      <Typography.Text data-testid="time-limit-settings">
        {ttl.settings}：{ttl.settingsText(s.warningPercent, s.escalationDays)}
      </Typography.Text>
      {can('time_limit.supervise') && (
        <Button size="small" onClick={() => setEditing(true)} data-testid="edit-time-limit-settings">
          {ttl.editSettings}
        </Button>
      )}
      {isEditing && (
        <FormModal<{ warningPercent: number; escalationDays: number }>
          title={ttl.settings}
          initialValues={{ warningPercent: s.warningPercent, escalationDays: s.escalationDays }}
          onClose={() => setEditing(false)}
          onSubmit={(v) => save.mutateAsync({ ...v, version: s.version })}
        >
          <Form.Item name="warningPercent" label={ttl.settingFields.warningPercent} rules={[{ required: true, message: t.common.required }]}>
            <InputNumber min={50} max={99} precision={0} />
          </Form.Item>
          <Form.Item name="escalationDays" label={ttl.settingFields.escalationDays} rules={[{ required: true, message: t.common.required }]}>
            <InputNumber min={1} max={30} precision={0} />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}

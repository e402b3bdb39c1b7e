import { Card, Descriptions, List, Table, Tag, Typography } from 'antd';
import type { BundleMemberView, BundleNotice } from '@server/modules/catalog/portal/contract.ts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { MaterialTable } from './material-table.tsx';
import { MechanismTag, NoticeHeader } from './notice-header.tsx';
import { AnswersPrinted, SituationQuestions } from './situation-questions.tsx';
import type { AnswersState } from './use-answers.ts';
import './print.css';

/** A bundle's notice (6.3.1): its items as one service, one merged list of materials. */
export function BundleNoticeView({ notice, state, itemLink, actions }: { notice: BundleNotice; state: AnswersState; itemLink: (code: string) => string; actions?: ReactNode }) {
  const g = notice.guide;
  const n = tc.notice;
  return (
    <Card className="notice-print-area" data-testid="bundle-notice">
      <NoticeHeader
        title={g.name}
        code={notice.code}
        versionNumber={notice.versionNumber}
        publishedAt={notice.publishedAt}
        tags={<MechanismTag color="magenta">{tc.lifeStages[g.lifeStage]}</MechanismTag>}
        extra={actions}
      />
      {g.description && <Typography.Paragraph>{g.description}</Typography.Paragraph>}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 160 } }}
        items={[
          { key: 'lead', label: n.leadDepartment, children: notice.leadDepartmentName },
          { key: 'promised', label: n.bundlePromised, children: n.days(notice.promisedLimitDays) },
          { key: 'visits', label: n.bundleVisits, children: n.visitsValue(notice.visitsNeeded) },
          { key: 'channels', label: n.channels, children: notice.channels.map((c) => tc.channels[c]).join('、') || '—' },
          { key: 'place', label: n.place, children: g.place, span: 2 },
          { key: 'hours', label: n.hours, children: g.hours },
          { key: 'phones', label: n.enquiry, children: `${g.enquiryPhone}；${n.complaint}：${g.complaintPhone}` },
        ]}
      />

      <Typography.Title level={4}>{n.members}</Typography.Title>
      <Table<BundleMemberView>
        rowKey="code"
        size="small"
        bordered
        pagination={false}
        dataSource={notice.members}
        data-testid="bundle-members"
        columns={[
          { title: n.stage, dataIndex: 'stage', width: 80, render: (s: number) => n.stageValue(s) },
          {
            title: tc.admin.name,
            key: 'name',
            render: (_, m) => (
              <>
                {m.isSkipped ? <Typography.Text delete>{m.name}</Typography.Text> : m.kind === 'item' ? <Link to={itemLink(m.code)} style={{ textDecoration: 'underline' }}>{m.name}</Link> : m.name}{' '}
                {m.isSkipped && <Tag>{n.skippedBecause(m.skippedBecause ?? '')}</Tag>}
                {m.skipIf.map((s) => (
                  <Tag key={s} color="blue">
                    {n.skipIf(s)}
                  </Tag>
                ))}
              </>
            ),
          },
          { title: n.department, dataIndex: 'departmentName', width: 180 },
          { title: n.memberPromised, key: 'days', width: 120, render: (_, m) => n.days(m.promisedLimitDays) },
        ]}
      />

      <Typography.Title level={4}>{n.conditions}</Typography.Title>
      <List
        size="small"
        dataSource={notice.conditions}
        renderItem={(c, i) => (
          <List.Item>
            {i + 1}. {c.text}
            {c.onlyIf.length > 0 && <Typography.Text type="secondary">（{c.onlyIf.map(n.onlyIf).join('；')}）</Typography.Text>}
            <Typography.Text type="secondary"> —— {c.usedBy.map((u) => u.name).join('、')}</Typography.Text>
          </List.Item>
        )}
      />

      <Typography.Title level={4}>{n.materials}</Typography.Title>
      <SituationQuestions questions={notice.questions} state={state} isComplete={notice.isComplete} />
      <AnswersPrinted questions={notice.questions} />
      <MaterialTable materials={notice.materials} showUsedBy />
    </Card>
  );
}

import { Card, Descriptions, List, Steps, Typography } from 'antd';
import type { ItemNotice } from '@server/modules/catalog/portal/contract.ts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { MaterialTable } from './material-table.tsx';
import { MechanismTag, NoticeHeader } from './notice-header.tsx';
import { AnswersPrinted, SituationQuestions } from './situation-questions.tsx';
import type { AnswersState } from './use-answers.ts';
import './print.css';

/** An item's complete one-time notice (A.3): everything to know and bring, once; prints on A4. */
export function ItemNoticeView({ notice, state, bundleLink, actions }: { notice: ItemNotice; state: AnswersState; bundleLink: (code: string) => string; actions?: ReactNode }) {
  const g = notice.guide;
  const n = tc.notice;
  return (
    <Card className="notice-print-area" data-testid="item-notice">
      <NoticeHeader
        title={g.name}
        code={notice.code}
        versionNumber={notice.versionNumber}
        publishedAt={notice.publishedAt}
        extra={actions}
        tags={
          <>
            <MechanismTag color="blue">{tc.themes[g.theme]}</MechanismTag>
            <MechanismTag color={g.processingKind === 'instant' ? 'green' : 'gold'}>{tc.processingKinds[g.processingKind]}</MechanismTag>
            {g.commitment.isAllowed && <MechanismTag color="purple">{n.commitment}</MechanismTag>}
            {g.deferral.isAllowed && <MechanismTag color="orange">{n.deferral}</MechanismTag>}
            {g.jointReview.group && <MechanismTag color="cyan">{n.jointReview}</MechanismTag>}
          </>
        }
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 140 } }}
        items={[
          { key: 'department', label: n.department, children: notice.departmentName },
          { key: 'type', label: n.itemType, children: tc.itemTypes[g.itemType] },
          { key: 'objects', label: n.serviceObjects, children: g.serviceObjects.map((s) => tc.serviceObjects[s]).join('、') },
          { key: 'kind', label: n.processingKind, children: tc.processingKinds[g.processingKind] },
          { key: 'legal', label: n.legalLimit, children: n.days(g.legalLimitDays) },
          { key: 'promised', label: n.promisedLimit, children: `${n.days(g.promisedLimitDays)}${g.promisedLimitNote ? `（${g.promisedLimitNote}）` : ''}` },
          { key: 'visits', label: n.visits, children: n.visitsValue(g.visitsNeeded) },
          { key: 'fee', label: n.fee, children: g.feeDescription || '不收费' },
          ...(g.isFeeCharged ? [{ key: 'feeBasis', label: n.feeBasis, children: g.feeBasis, span: 2 }] : []),
          { key: 'channels', label: n.channels, children: g.channels.map((c) => tc.channels[c]).join('、') },
          { key: 'appointment', label: n.appointment, children: `${tc.appointmentModes[g.appointment.mode]}${n.walkInQuota(g.appointment.walkInDailyQuota)}` },
          { key: 'place', label: n.place, children: g.place, span: 2 },
          { key: 'hours', label: n.hours, children: g.hours },
          { key: 'phones', label: n.enquiry, children: `${g.enquiryPhone}；${n.complaint}：${g.complaintPhone}` },
          ...(g.onlineUrl ? [{ key: 'online', label: n.online, children: g.onlineUrl, span: 2 }] : []),
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
          </List.Item>
        )}
      />

      <Typography.Title level={4}>{n.materials}</Typography.Title>
      <SituationQuestions questions={notice.questions} state={state} isComplete={notice.isComplete} />
      <AnswersPrinted questions={notice.questions} />
      <MaterialTable materials={notice.materials} />

      {(g.commitment.isAllowed || g.deferral.isAllowed || g.jointReview.group) && (
        <>
          <Typography.Title level={4}>{n.mechanisms}</Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 140 } }}
            items={[
              ...(g.commitment.isAllowed ? [{ key: 'c', label: n.commitment, children: n.commitmentText(g.commitment.certificates.join('、')) }] : []),
              ...(g.commitment.isAllowed && g.commitment.text ? [{ key: 'ct', label: n.commitmentLetter, children: g.commitment.text }] : []),
              ...(g.deferral.isAllowed ? [{ key: 'd', label: n.deferral, children: n.deferralText(g.deferral.supplementDays ?? 0) }] : []),
              ...(g.jointReview.group
                ? [
                    { key: 'j', label: n.jointReview, children: n.jointReviewText(g.jointReview.group, notice.jointReviewLeadName ?? '') },
                    { key: 'jp', label: n.jointPeers, children: notice.jointReviewPeers.map((p) => p.name).join('、') },
                  ]
                : []),
            ]}
          />
        </>
      )}

      <Typography.Title level={4}>{n.steps}</Typography.Title>
      <Steps orientation="vertical" size="small" current={-1} items={g.steps.map((s) => ({ title: s.name, content: s.description }))} />

      {notice.bundles.length > 0 && (
        <Typography.Paragraph className="no-print">
          {n.inBundles}：
          {notice.bundles.map((b, i) => (
            <span key={b.code}>
              {i > 0 && '、'}
              <Link to={bundleLink(b.code)}>{b.name}</Link>
            </span>
          ))}
        </Typography.Paragraph>
      )}
      <Typography.Title level={5}>{n.legalBasis}</Typography.Title>
      <Typography.Paragraph type="secondary">{g.legalBasis}</Typography.Paragraph>
    </Card>
  );
}

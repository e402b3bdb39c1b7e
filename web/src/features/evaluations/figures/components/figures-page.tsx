import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Flex, Row, Select, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FIGURES_GROUPS, type FiguresGroup } from '@server/modules/evaluations/figures/contract.ts';
import { useAuth } from '../../../../app/auth-context.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { toIsoDate } from '../../../../lib/time.ts';
import { tfigures as tf } from '../../../../locales/evaluations.zh-CN.ts';
import { exportUrl, type FiguresFilter } from '../api.ts';
import { useEvaluationFigures } from '../queries.ts';
import { GroupTable, PendingTable, TargetCard } from './figures-parts.tsx';
import { UnmaskedExportModal } from './unmasked-export-modal.tsx';

/**
 * 好差评统计 (9.1): the rates a manager or chief officer answers for, the callback and
 * rectification rates against their 100 % target with the list of what keeps them below, the
 * figures by group, and the export of the ratings (masked; full phones for person.unmask holders).
 */
export function EvaluationFiguresPage() {
  const { can } = useAuth();
  const [filter, setFilter] = useState<FiguresFilter>({ groupBy: 'department' });
  const [isUnmasking, setUnmasking] = useState(false);
  const query = useEvaluationFigures(filter);
  const f = query.data;
  const period = f ? { from: f.from, to: f.to, departmentId: filter.departmentId } : null;
  return (
    <Flex vertical gap="middle">
      <Card
        title={tf.title}
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              aria-label={tf.period}
              value={f ? [dayjs(f.from), dayjs(f.to)] : undefined}
              onChange={(v) => setFilter((x) => ({ ...x, ...(v?.[0] && v[1] ? { from: toIsoDate(v[0]), to: toIsoDate(v[1]) } : { from: undefined, to: undefined }) }))}
            />
            <Select<FiguresGroup>
              aria-label={tf.groupBy}
              style={{ width: 130 }}
              value={filter.groupBy}
              options={FIGURES_GROUPS.map((g) => ({ value: g, label: tf.groups[g] }))}
              onChange={(groupBy) => setFilter((x) => ({ ...x, groupBy }))}
              data-testid="figures-group"
            />
            {f && f.departments.length > 1 && (
              <Select
                aria-label={tf.department}
                style={{ width: 180 }}
                allowClear
                placeholder={tf.allDepartments}
                value={filter.departmentId}
                options={f.departments.map((d) => ({ value: d.id, label: d.name }))}
                onChange={(departmentId) => setFilter((x) => ({ ...x, departmentId }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            )}
          </Space>
        }
      >
        {query.isError && <QueryError error={query.error} onRetry={() => query.refetch()} />}
        {f && (
          <Flex vertical gap="middle">
            {!f.isCenterWide && <Alert type="info" showIcon title={tf.scopeOwn(f.departments.map((d) => d.name).join('、'))} />}
            <Row gutter={[16, 16]} data-testid="evaluation-figures">
              <Col xs={12} md={4}>
                <Statistic title={tf.goodRate} value={tf.rate(f.totals.goodRate)} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title={tf.badRate} value={tf.rate(f.totals.badRate)} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title={tf.activeRate} value={tf.rate(f.totals.activeRate)} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title={tf.unratedRate} value={tf.rate(f.totals.unratedRate)} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title={tf.activeGoodRate} value={tf.rate(f.totals.activeGoodRate)} />
              </Col>
              <Col xs={12} md={2}>
                <Statistic title={tf.rated} value={f.totals.rated} />
              </Col>
              <Col xs={12} md={2}>
                <Statistic title={tf.excluded} value={f.totals.excluded} />
              </Col>
            </Row>
            <Typography.Text type="secondary">{tf.definitions}</Typography.Text>
          </Flex>
        )}
      </Card>
      {f && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={9}>
              <TargetCard title={tf.callbackRate} rate={f.totals.callbackRate} done={f.totals.calledBack} total={f.totals.realNameBad} doneLabel={tf.calledBack} testId="callback-rate" />
            </Col>
            <Col xs={24} md={9}>
              <TargetCard title={tf.rectificationRate} rate={f.totals.rectificationRate} done={f.totals.rectified} total={f.totals.realNameBad} doneLabel={tf.rectified} testId="rectification-rate" />
            </Col>
            <Col xs={24} md={6}>
              <Card size="small" style={{ height: '100%' }}>
                <Statistic title={tf.avgCallbackHours} value={tf.hours(f.totals.avgCallbackHours)} />
                <Typography.Text type="secondary">
                  {tf.anonymousBad} {f.totals.anonymousBad}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <Card title={tf.pending} size="small">
            <PendingTable pending={f.pending} />
          </Card>
          <Card
            title={`${tf.table}（${tf.groups[f.groupBy]}）`}
            size="small"
            extra={
              period && (
                <Space wrap>
                  <Button icon={<DownloadOutlined />} href={exportUrl(period, 'json')} download={`评价记录_${period.from}_${period.to}.json`}>
                    {tf.exportJson}
                  </Button>
                  <Button icon={<DownloadOutlined />} href={exportUrl(period, 'xlsx')} data-testid="export-xlsx">
                    {tf.exportXlsx}
                  </Button>
                  {can('person.unmask') && <Button onClick={() => setUnmasking(true)}>{tf.exportUnmasked}</Button>}
                </Space>
              )
            }
          >
            <GroupTable f={f} />
          </Card>
          {isUnmasking && period && <UnmaskedExportModal period={period} onClose={() => setUnmasking(false)} />}
        </>
      )}
    </Flex>
  );
}

import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { QueryError } from '../../../components/query-error.tsx';
import { tast } from '../../../locales/assistance.zh-CN.ts';
import { useAssistanceFigures } from '../queries.ts';

/** This month's figures: by mode and result, follow-ups due and overdue, minutes on video. */
export function FiguresTab() {
  const figures = useAssistanceFigures({});
  if (figures.isError) return <QueryError error={figures.error} onRetry={() => void figures.refetch()} />;
  if (!figures.data) return <Skeleton active />;
  const f = figures.data;
  const cells: [string, number, string][] = [
    [tast.figures.total, f.total, 'total'],
    [tast.figures.onSite, f.byMode.on_site, 'on-site'],
    [tast.figures.video, f.byMode.video, 'video'],
    [tast.figures.filed, f.byResult.filed, 'filed'],
    [tast.figures.notYet, f.byResult.not_yet, 'not-yet'],
    [tast.figures.referred, f.byResult.referred, 'referred'],
    [tast.figures.due, f.followUpsDue, 'due'],
    [tast.figures.overdue, f.followUpsOverdue, 'overdue'],
    [tast.figures.videoMinutes, f.videoMinutes, 'video-minutes'],
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{tast.figures.period(f.from, f.to)}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {cells.map(([title, value, id]) => (
          <Col key={id} xs={12} md={8}>
            <Card size="small">
              <Statistic title={title} value={value} data-testid={`assistance-figure-${id}`} />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

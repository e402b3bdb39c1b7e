import { Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { KIOSK_LARGE_ZOOM, useKioskLargeType } from '../../../../lib/device-preference.ts';
import { trating } from '../../../../locales/evaluations.zh-CN.ts';
import { findKioskVisit, rateAtKiosk, type RatingSubject } from '../api.ts';
import { RatingForm } from './rating-form.tsx';
import { SubjectCard } from './subject-card.tsx';

/** The kiosk's rating entry (/kiosk/<center>/rate): today's visit by its number and the receipt's QR code. */
export function KioskRatingPage() {
  const { centerId = '' } = useParams();
  const [query, setQuery] = useState<{ displayNumber: string; receiptToken: string } | null>(null);
  const [subject, setSubject] = useState<RatingSubject | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [isLarge] = useKioskLargeType();

  // back to a blank form a while after the thanks, for the next person
  useEffect(() => {
    if (done === null) return;
    const timer = window.setTimeout(() => {
      setDone(null);
      setSubject(null);
      setQuery(null);
    }, 8000);
    return () => window.clearTimeout(timer);
  }, [done]);

  const find = async (values: { displayNumber: string; receiptToken: string }) => {
    setError(null);
    try {
      setSubject(await findKioskVisit(centerId, values.displayNumber, values.receiptToken));
      setQuery(values);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div data-testid="kiosk-rating" style={{ minHeight: isLarge ? `${100 / KIOSK_LARGE_ZOOM}vh` : '100vh', padding: 32, background: '#f0f5ff', fontSize: 20, zoom: isLarge ? KIOSK_LARGE_ZOOM : undefined }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {trating.kiosk.title}
        </Typography.Title>
        <Link to={`/kiosk/${centerId}`}>
          <Button size="large">{trating.kiosk.back}</Button>
        </Link>
      </Flex>
      <Card style={{ maxWidth: 820, margin: '32px auto' }}>
        {done !== null ? (
          <Result status="success" title={<span style={{ fontSize: 32 }}>{done <= 2 ? trating.form.thanksBad : trating.form.thanks}</span>} />
        ) : subject && query ? (
          <Flex vertical gap={24}>
            <SubjectCard subject={subject} />
            <RatingForm
              questionSet={subject.questionSet}
              isLarge
              onSubmit={async (answer) => {
                const created = await rateAtKiosk(centerId, { ...query, level: answer.level, tags: answer.tags, comment: answer.comment });
                setDone(created.level);
              }}
            />
          </Flex>
        ) : (
          <Form layout="vertical" size="large" onFinish={(v: { displayNumber: string; receiptToken: string }) => void find(v)}>
            <Form.Item name="displayNumber" label={trating.kiosk.number} rules={[{ required: true, message: trating.kiosk.numberPlaceholder }]}>
              <Input placeholder={trating.kiosk.numberPlaceholder} style={{ fontSize: 24 }} autoComplete="off" />
            </Form.Item>
            <Form.Item name="receiptToken" label={trating.kiosk.receipt} rules={[{ required: true, message: trating.kiosk.receiptPlaceholder }]}>
              <Input.Password placeholder={trating.kiosk.receiptPlaceholder} style={{ fontSize: 24 }} autoComplete="off" />
            </Form.Item>
            {error && <Typography.Text type="danger">{error}</Typography.Text>}
            <Button type="primary" htmlType="submit" block style={{ height: 64, fontSize: 24, marginTop: 16 }}>
              {trating.kiosk.find}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}

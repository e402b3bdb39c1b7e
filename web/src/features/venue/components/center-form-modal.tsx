import { Form, Input, Select } from 'antd';
import type { CenterDto, CenterLevel } from '@server/modules/venue/contract.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { optionsOf } from '../../../lib/options.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useCenters, useCreateCenter, useRegions, useUpdateCenter } from '../queries.ts';

type Values = {
  name: string;
  level: CenterLevel;
  regionCode: string;
  parentId?: string | null;
  address: string;
  phone: string;
  openingHours: string;
};

/** Creates a center (center = null) or edits one. */
export function CenterFormModal({ center, onClose }: { center: CenterDto | null; onClose: () => void }) {
  const create = useCreateCenter();
  const update = useUpdateCenter();
  const regions = useRegions();
  const centers = useCenters();

  const submit = ({ parentId, ...values }: Values) => {
    const body = { ...values, parentId: parentId ?? null };
    return center ? update.mutateAsync({ id: center.id, version: center.version, ...body }) : create.mutateAsync(body);
  };

  return (
    <FormModal<Values>
      title={center ? t.org.editCenter : t.org.newCenter}
      initialValues={center ?? { address: '', phone: '', openingHours: '' }}
      onSubmit={submit}
      onClose={onClose}
      width={640}
    >
      <Form.Item name="name" label={t.org.name} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="level" label={t.org.level} rules={[{ required: true, message: t.common.required }]} extra={t.org.nearbyHint}>
        <Select options={optionsOf(t.centerLevels)} placeholder={t.common.selectPlaceholder} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t.org.region}
        rules={[{ required: true, message: t.common.required }]}
        extra={regions.data?.length === 0 ? t.org.noRegions : undefined}
      >
        <Select
          loading={regions.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t.common.selectPlaceholder}
          options={regions.data?.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
        />
      </Form.Item>
      <Form.Item name="parentId" label={t.org.parent}>
        <Select
          allowClear
          loading={centers.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t.common.none}
          options={centers.data?.filter((c) => c.id !== center?.id).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="address" label={t.org.address}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label={t.org.phone}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="openingHours" label={t.org.openingHours}>
        <Input maxLength={200} placeholder={t.org.openingHoursPlaceholder} />
      </Form.Item>
    </FormModal>
  );
}

import { Checkbox, Form, Input, Select } from 'antd';
import type { FacilityKind } from '@server/modules/venue/facilities/contract.ts';
import { useAuth } from '../../../../app/auth-context.tsx';
import { FormModal } from '../../../../components/form-modal.tsx';
import { optionsOf } from '../../../../lib/options.ts';
import { tfac } from '../../../../locales/facilities.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { useZones } from '../../queries.ts';
import type { FacilityDto } from '../api.ts';
import { useCreateFacility, useUpdateFacility } from '../queries.ts';

type Values = { zoneId: string; kind: FacilityKind; name: string; locationNote: string; assetNumber: string; isAccessibility?: boolean };

/** Registers a facility in a zone of the manager's center, or edits one. */
export function FacilityFormModal({ facility, onClose }: { facility: FacilityDto | null; onClose: () => void }) {
  const { me } = useAuth();
  const zones = useZones(me.centerId);
  const create = useCreateFacility();
  const update = useUpdateFacility();
  const initial: Partial<Values> = facility ?? { locationNote: '', assetNumber: '' };
  return (
    <FormModal<Values>
      title={facility ? tfac.editFacility : tfac.newFacility}
      initialValues={initial}
      onSubmit={(values) => (facility ? update.mutateAsync({ id: facility.id, version: facility.version, ...values }) : create.mutateAsync(values))}
      onClose={onClose}
    >
      <Form.Item name="zoneId" label={tfac.columns.zone} rules={[{ required: true, message: t.common.required }]}>
        <Select
          data-testid="facility-zone"
          placeholder={t.common.selectPlaceholder}
          loading={zones.isPending}
          options={(zones.data ?? []).filter((z) => z.isActive).map((z) => ({ value: z.id, label: z.name }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={tfac.columns.kind} rules={[{ required: true, message: t.common.required }]}>
        <Select data-testid="facility-kind" showSearch optionFilterProp="label" placeholder={t.common.selectPlaceholder} options={optionsOf(tfac.kinds)} />
      </Form.Item>
      <Form.Item name="name" label={tfac.columns.name} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input maxLength={100} data-testid="facility-name" />
      </Form.Item>
      <Form.Item name="locationNote" label={tfac.columns.location}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="assetNumber" label={tfac.columns.assetNumber}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="isAccessibility" valuePropName="checked" extra={facility ? undefined : tfac.isAccessibilityHint}>
        <Checkbox>{tfac.isAccessibility}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

import { Fieldset, Group, MultiSelect, Radio, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { refOptions, rowLabel, useRefRows } from '../resource/ref-options.ts';

export interface CustomerLink {
  customerId: number;
  isPrimary?: boolean;
  canSeeAll?: boolean;
}

interface Props {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
}

/**
 * The customers a customer user works for: which one their tickets are for by default, and for
 * each whether they see all of that customer's tickets or only their own.
 */
export function CustomerLinksInput({ label, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const customers = useRefRows('customers');
  const links = Array.isArray(value) ? (value as CustomerLink[]) : [];
  const ids = links.map((link) => link.customerId);
  const choose = (chosen: number[]) =>
    onChange(
      chosen.map((customerId, index) => {
        const old = links.find((link) => link.customerId === customerId);
        const hasPrimary = chosen.some((id) => links.find((link) => link.customerId === id)?.isPrimary);
        return old ?? { customerId, isPrimary: !hasPrimary && index === 0, canSeeAll: true };
      }),
    );
  return (
    <Fieldset legend={label}>
      <Stack gap="xs">
        <MultiSelect
          aria-label={label}
          searchable
          data={refOptions(customers.data, ids)}
          value={ids.map(String)}
          onChange={(next) => choose(next.map(Number))}
          error={error}
        />
        <Radio.Group
          label={t('admin.customerLinks.primary')}
          value={String(links.find((link) => link.isPrimary)?.customerId ?? '')}
          onChange={(id) => onChange(links.map((link) => ({ ...link, isPrimary: String(link.customerId) === id })))}
        >
          <Stack gap={4}>
            {links.map((link) => {
              const customer = customers.data?.find((row) => row.id === link.customerId);
              return (
                <Group key={link.customerId} justify="space-between">
                  <Radio
                    value={String(link.customerId)}
                    label={customer ? rowLabel(customer) : `#${link.customerId}`}
                  />
                  <Switch
                    size="xs"
                    label={t('admin.customerLinks.canSeeAll')}
                    checked={link.canSeeAll !== false}
                    onChange={(e) => {
                      const canSeeAll = e.currentTarget.checked;
                      onChange(links.map((other) => (other === link ? { ...other, canSeeAll } : other)));
                    }}
                  />
                </Group>
              );
            })}
          </Stack>
        </Radio.Group>
        {links.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('admin.customerLinks.none')}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}

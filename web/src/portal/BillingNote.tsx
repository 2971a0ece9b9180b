import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface KindBilling {
  customerId: number;
  kindId: number;
  billable: boolean;
  contract: string | null;
}

/**
 * Whether the kind of request chosen is billable to the customer chosen, before the request is sent:
 * the vendor's rules make operational support and training billable unless the customer's contract
 * includes them. Says which contract includes it when one does; nothing for a kind never billed.
 */
export function BillingNote({
  billing,
  customer,
  kind,
}: {
  billing: KindBilling[];
  customer: { id: number; name: string } | undefined;
  kind: { id: number; name: string } | undefined;
}) {
  const { t } = useTranslation();
  if (!customer || !kind) return null;
  const terms = billing.find((entry) => entry.customerId === customer.id && entry.kindId === kind.id);
  if (terms?.billable) {
    return (
      <Alert color="yellow" role="alert" title={t('portal.billableTitle')}>
        {t('portal.billable', { kind: kind.name, customer: customer.name })}
      </Alert>
    );
  }
  if (terms?.contract) {
    return (
      <Alert color="blue" role="status">
        {t('portal.includedIn', { kind: kind.name, contract: terms.contract })}
      </Alert>
    );
  }
  return null;
}

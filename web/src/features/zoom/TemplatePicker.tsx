import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';

interface Template {
  id: number;
  name: string;
  text: string;
}

/** The response templates offered in the ticket's queue, already filled in for this ticket. */
export function TemplatePicker({ ticketId, onPick }: { ticketId: number; onPick: (text: string) => void }) {
  const { t } = useTranslation();
  const templates = useQuery({
    queryKey: ['response-templates', ticketId],
    queryFn: () => api<{ items: Template[] }>('GET', `/tickets/${ticketId}/response-templates`),
    staleTime: 60_000,
  });
  const items = templates.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Select
      label={t('action.template')}
      placeholder={t('action.templatePlaceholder')}
      clearable
      searchable
      data={items.map((item) => ({ value: String(item.id), label: item.name }))}
      onChange={(value) => {
        const chosen = items.find((item) => String(item.id) === value);
        if (chosen) onPick(chosen.text);
      }}
    />
  );
}

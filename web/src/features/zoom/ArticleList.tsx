import { Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../api/types.ts';
import { useFormat } from '../../components/format.ts';

/** The article overview: number, sender, channel, subject, created; the chosen one is shown below. */
export function ArticleList({
  articles,
  chosen,
  onChoose,
}: {
  articles: Article[];
  chosen?: number;
  onChoose: (id: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="articles-title">
      <Title order={2} size="h5" id="articles-title" mb="xs">
        {t('zoom.articles')}
      </Title>
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('zoom.sender')}</Table.Th>
            <Table.Th>{t('zoom.channel')}</Table.Th>
            <Table.Th>{t('zoom.subject')}</Table.Th>
            <Table.Th>{t('ticket.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...articles].reverse().map((article) => (
            <Table.Tr
              key={article.id}
              onClick={() => onChoose(article.id)}
              bg={article.id === chosen ? 'blue.0' : undefined}
              style={{ cursor: 'pointer' }}
              aria-current={article.id === chosen}
            >
              <Table.Td>{article.number}</Table.Td>
              <Table.Td>{article.from || t(`sender.${article.senderType}`)}</Table.Td>
              <Table.Td>
                {t(`channel.${article.channel}`)}
                {!article.visibleToCustomer && article.channel !== 'internal' && ` (${t('zoom.internal')})`}
              </Table.Td>
              <Table.Td>
                <button type="button" className="link-button" onClick={() => onChoose(article.id)}>
                  {article.subject}
                </button>
              </Table.Td>
              <Table.Td>{format.dateTime(article.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

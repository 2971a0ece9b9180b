import { Alert, Button, Group, Paper, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useSubmit } from '../components/use-submit.ts';

interface Answer {
  rating: number;
  comment: string;
  ratedAt: string;
}

/** The satisfaction survey of a closed ticket: 1 to 5 and a comment; the answer can be changed. */
export function SurveyBox({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['rating', ticketId],
    queryFn: () => api<{ rating: Answer | null }>('GET', `/tickets/${ticketId}/rating`).then((r) => r.rating),
  });
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [editing, setEditing] = useState(false);
  const { submit, busy, error } = useSubmit(
    () => api<Answer>('PUT', `/tickets/${ticketId}/rating`, { rating, comment }),
    (answer) => {
      queryClient.setQueryData(['rating', ticketId], answer);
      setEditing(false);
    },
  );
  const answer = current.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="survey-title" bg="yellow.0">
      <Title order={2} size="h4" id="survey-title" mb="xs">
        {t('survey.title')}
      </Title>
      {answer && !editing ? (
        <Group>
          <Rating value={answer.rating} readOnly aria-label={t('survey.yourRating', { rating: answer.rating })} />
          <Text size="sm">{answer.comment}</Text>
          <Button variant="subtle" size="xs" onClick={() => setEditing(true)}>
            {t('survey.change')}
          </Button>
        </Group>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">{t('survey.question')}</Text>
            {error && (
              <Alert color="red" role="alert">
                {error.message}
              </Alert>
            )}
            <Rating
              value={rating}
              onChange={setRating}
              size="lg"
              aria-label={t('survey.ratingLabel')}
              getSymbolLabel={(value) => t('survey.stars', { count: value })}
            />
            <Textarea label={t('survey.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button type="submit" loading={busy} disabled={rating === 0}>
                {t('survey.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

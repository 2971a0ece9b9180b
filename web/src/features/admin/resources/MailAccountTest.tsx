import { Button, Popover, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Row, Values } from '../resource/types.ts';

interface TestResult {
  ok: boolean;
  messages?: number;
  stage?: string;
  message?: string;
}

const CONNECTION = ['protocol', 'host', 'port', 'login', 'password', 'folder', 'tlsVerify'];

/**
 * "Test connection" with what the form holds now: a saved account is tested with its stored
 * password unless a new one is typed; the answer says which step failed (DNS, TLS, login, folder).
 */
export function MailAccountTest({ values, row }: { values: Values; row: Row | null }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<TestResult | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const body = Object.fromEntries(
      CONNECTION.map((name) => [name, values[name]]).filter(([, value]) => value !== '' && value != null),
    );
    try {
      setResult(await api<TestResult>('POST', row ? `/mail-accounts/${row.id}/test` : '/mail-accounts/test', body));
    } catch (failure) {
      setResult({ ok: false, message: (failure as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popover opened={result !== null} onChange={(open) => !open && setResult(null)} width={320} withArrow>
      <Popover.Target>
        <Button variant="light" loading={busy} onClick={run}>
          {t('admin.mailAccount.test')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown role="status">
        {result?.ok ? (
          <Text c="green">{t('admin.mailAccount.ok', { count: result.messages ?? 0 })}</Text>
        ) : (
          <Text c="red">
            {result?.stage ? `${t(`admin.mailAccount.stage.${result.stage}`)}: ` : ''}
            {result?.message}
          </Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

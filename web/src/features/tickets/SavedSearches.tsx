import { Button, Group, Menu } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';

interface Saved {
  name: string;
  params: string;
}

/** Searches saved under a name, per agent, in this browser. */
export function SavedSearches({ current, onOpen }: { current: string; onOpen: (params: URLSearchParams) => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const key = `sportello.searches.${me.id}`;
  const [saved, setSaved] = useState<Saved[]>(() => JSON.parse(localStorage.getItem(key) ?? '[]') as Saved[]);
  const store = (next: Saved[]) => {
    localStorage.setItem(key, JSON.stringify(next));
    setSaved(next);
  };
  const save = () => {
    const name = window.prompt(t('search.nameIt'));
    if (name?.trim()) store([...saved.filter((s) => s.name !== name.trim()), { name: name.trim(), params: current }]);
  };
  return (
    <Group gap="xs">
      <Button variant="light" onClick={save} disabled={!current}>
        {t('search.save')}
      </Button>
      {saved.length > 0 && (
        <Menu>
          <Menu.Target>
            <Button variant="subtle">{t('search.saved')} ▾</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {saved.map((s) => (
              <Menu.Item key={s.name} onClick={() => onOpen(new URLSearchParams(s.params))}>
                {s.name}
              </Menu.Item>
            ))}
            <Menu.Divider />
            {saved.map((s) => (
              <Menu.Item key={`x${s.name}`} color="red" onClick={() => store(saved.filter((o) => o.name !== s.name))}>
                {t('search.remove', { name: s.name })}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}

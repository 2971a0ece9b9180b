import i18next from 'i18next';
import { Route, Routes } from 'react-router';
import { PlaceholderPage } from '../../app/PlaceholderPage.tsx';
import { useSession } from '../../app/session.tsx';
import { AdminHome } from './AdminHome.tsx';
import { AdminLayout } from './AdminLayout.tsx';
import { adminPath } from './admin-path.ts';
import { adminEn } from './i18n/en.ts';
import { adminIt } from './i18n/it.ts';
import { ResourcePage } from './resource/ResourcePage.tsx';
import { entryKey, SECTIONS } from './sections.tsx';

// The administration's texts travel with its own chunk: agents who never open it never load them.
i18next.addResourceBundle('en', 'translation', { admin: adminEn }, true, true);
i18next.addResourceBundle('it', 'translation', { admin: adminIt }, true, true);

/** /admin/*: for agents in the admin group (the server refuses everyone else's writes anyway). */
export function AdminRoutes() {
  const { me } = useSession();
  if (!me.isAdmin) return <PlaceholderPage kind="notFound" />;
  return (
    <Routes>
      <Route element={<AdminLayout />}>
        <Route index element={<AdminHome />} />
        {SECTIONS.flatMap((section) => section.entries).map((entry) => (
          <Route
            key={entryKey(entry)}
            path={adminPath(entryKey(entry)).slice('/admin/'.length)}
            element={
              'resource' in entry ? <ResourcePage key={entryKey(entry)} def={entry.resource} /> : entry.screen.element
            }
          />
        ))}
        <Route path="*" element={<PlaceholderPage kind="notFound" />} />
      </Route>
    </Routes>
  );
}

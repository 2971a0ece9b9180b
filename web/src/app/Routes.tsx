import { lazy } from 'react';
import { Route, Routes as RouterRoutes } from 'react-router';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { Layout } from './Layout.tsx';
import { PlaceholderPage } from './PlaceholderPage.tsx';

/** Pages other than the dashboard load when first opened, so the first load carries only the dashboard. */
const CalendarPage = lazy(() =>
  import('../features/calendar/CalendarPage.tsx').then((module) => ({ default: module.CalendarPage })),
);
const CustomersPage = lazy(() =>
  import('../features/customers/CustomersPage.tsx').then((module) => ({ default: module.CustomersPage })),
);
const PreferencesPage = lazy(() =>
  import('../features/preferences/PreferencesPage.tsx').then((module) => ({ default: module.PreferencesPage })),
);
const NewTicketPage = lazy(() =>
  import('../features/tickets/NewTicketPage.tsx').then((module) => ({ default: module.NewTicketPage })),
);
const TicketListPage = lazy(() =>
  import('../features/tickets/TicketListPage.tsx').then((module) => ({ default: module.TicketListPage })),
);
const ReportsPage = lazy(() =>
  import('../features/reports/ReportsPage.tsx').then((module) => ({ default: module.ReportsPage })),
);
const AdminRoutes = lazy(() =>
  import('../features/admin/AdminRoutes.tsx').then((module) => ({ default: module.AdminRoutes })),
);
const TicketZoomPage = lazy(() =>
  import('../features/zoom/TicketZoomPage.tsx').then((module) => ({ default: module.TicketZoomPage })),
);

export function Routes() {
  return (
    <RouterRoutes>
      <Route element={<Layout />}>
        <Route index element={<DashboardPage />} />
        <Route path="tickets" element={<TicketListPage view="queue" />} />
        <Route path="tickets/status" element={<TicketListPage view="status" />} />
        <Route path="tickets/locked" element={<TicketListPage view="locked" />} />
        <Route path="tickets/responsible" element={<TicketListPage view="responsible" />} />
        <Route path="tickets/search" element={<TicketListPage view="search" />} />
        <Route path="tickets/escalation" element={<PlaceholderPage kind="escalation" />} />
        <Route path="tickets/new-phone" element={<NewTicketPage key="phone" kind="phone" />} />
        <Route path="tickets/new-email" element={<NewTicketPage key="email" kind="email" />} />
        <Route path="tickets/:id" element={<TicketZoomPage />} />
        <Route path="customers" element={<CustomersPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="preferences" element={<PreferencesPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="admin/*" element={<AdminRoutes />} />
        <Route path="*" element={<PlaceholderPage kind="notFound" />} />
      </Route>
    </RouterRoutes>
  );
}

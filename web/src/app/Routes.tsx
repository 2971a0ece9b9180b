import { Route, Routes as RouterRoutes } from 'react-router';
import { CalendarPage } from '../features/calendar/CalendarPage.tsx';
import { CustomersPage } from '../features/customers/CustomersPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { PreferencesPage } from '../features/preferences/PreferencesPage.tsx';
import { NewTicketPage } from '../features/tickets/NewTicketPage.tsx';
import { TicketListPage } from '../features/tickets/TicketListPage.tsx';
import { TicketZoomPage } from '../features/zoom/TicketZoomPage.tsx';
import { Layout } from './Layout.tsx';
import { PlaceholderPage } from './PlaceholderPage.tsx';

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
        <Route path="reports" element={<PlaceholderPage kind="reports" />} />
        <Route path="admin" element={<PlaceholderPage kind="admin" />} />
        <Route path="*" element={<PlaceholderPage kind="notFound" />} />
      </Route>
    </RouterRoutes>
  );
}

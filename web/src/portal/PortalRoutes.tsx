import { Route, Routes } from 'react-router';
import { PlaceholderPage } from '../app/PlaceholderPage.tsx';
import { PortalLayout } from './PortalLayout.tsx';
import { PortalNewTicketPage } from './PortalNewTicketPage.tsx';
import { PortalTicketPage } from './PortalTicketPage.tsx';
import { PortalTicketsPage } from './PortalTicketsPage.tsx';

/** The customer portal at /portal: a customer user's tickets and their conversation with the desk. */
export function PortalRoutes() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<PortalTicketsPage />} />
        <Route path="tickets/new" element={<PortalNewTicketPage />} />
        <Route path="tickets/:id" element={<PortalTicketPage />} />
        <Route path="*" element={<PlaceholderPage kind="notFound" />} />
      </Route>
    </Routes>
  );
}

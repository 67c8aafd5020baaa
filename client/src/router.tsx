// URLs mirror the areas: /patient/*, /doctor/*, /admin/*; each area is guarded by role.
// Every page (and the signed-in frame) is its own lazily loaded chunk. The signed-out pages
// (sign-in, sign-up) sit outside AppShell: they download React, the router and their own
// plain code, not MUI or Apollo; everything else loads AppShell (theme, Apollo, current user).
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import type { Role } from './gql/graphql';
import { PublicRouteError } from './routes/auth/PublicRouteError';

type Page = Pick<RouteObject, 'lazy'>;

/** A route whose component lives in its own chunk, fetched when the route is first matched. */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): Page {
  return { lazy: async () => ({ Component: pick(await load()) }) };
}

/** The route's error boundary (MUI) is loaded with the route, not with the entry. */
function withError(route: RouteObject): RouteObject {
  return {
    ...route,
    lazy: async () => {
      const [own, { RouteError }] = await Promise.all([route.lazy ? (route.lazy as () => Promise<object>)() : {}, import('./components/RouteError')]);
      return { ...own, ErrorBoundary: RouteError };
    },
  };
}

function area(role: Role, path: string, children: RouteObject[]): RouteObject {
  return withError({
    path,
    lazy: async () => {
      const [{ AppFrame }, { RequireRole }] = await Promise.all([import('./components/AppFrame'), import('./auth/RequireRole')]);
      return { element: <RequireRole role={role}><AppFrame role={role} /></RequireRole> };
    },
    children: [...children, { path: '*', ...page(() => import('./components/RouteError'), (m) => m.NotFoundPage) }],
  });
}

const signedIn: RouteObject[] = [
  withError({ index: true, ...page(() => import('./auth/RequireRole'), (m) => m.HomeRedirect) }),
  { path: '/sign-out', ...page(() => import('./routes/auth/SignOutPage'), (m) => m.SignOutPage) },
  withError({ path: '/change-password', ...page(() => import('./routes/auth/ChangePasswordPage'), (m) => m.ChangePasswordPage) }),
  // The lobby screen: no sign-in, a display token in the URL fragment.
  withError({ path: '/display/queue', ...page(() => import('./routes/display/LobbyDisplayPage'), (m) => m.LobbyDisplayPage) }),
  withError({ path: '/forgot-password', ...page(() => import('./routes/auth/ForgotPasswordPage'), (m) => m.ForgotPasswordPage) }),
  withError({ path: '/reset-password/:token', ...page(() => import('./routes/auth/ResetPasswordPage'), (m) => m.ResetPasswordPage) }),
  withError({ path: '/invitation/:token', ...page(() => import('./routes/auth/InvitationPage'), (m) => m.InvitationPage) }),
  area('PATIENT', '/patient', [
    { index: true, ...page(() => import('./routes/patient/PatientDashboardPage'), (m) => m.PatientDashboardPage) },
    { path: 'book', ...page(() => import('./routes/patient/BookPage'), (m) => m.BookPage) },
    { path: 'appointments', ...page(() => import('./routes/patient/MyAppointmentsPage'), (m) => m.MyAppointmentsPage) },
    { path: 'waitlist', ...page(() => import('./routes/patient/WaitlistPage'), (m) => m.WaitlistPage) },
    { path: 'history', ...page(() => import('./routes/patient/HistoryPage'), (m) => m.HistoryPage) },
    { path: 'record-access', ...page(() => import('./routes/patient/RecordAccessPage'), (m) => m.RecordAccessPage) },
    { path: 'bills', ...page(() => import('./routes/patient/BillsPage'), (m) => m.BillsPage) },
    { path: 'profile', ...page(() => import('./routes/patient/ProfilePage'), (m) => m.ProfilePage) },
  ]),
  area('DOCTOR', '/doctor', [
    { index: true, ...page(() => import('./routes/doctor/DoctorDashboardPage'), (m) => m.DoctorDashboardPage) },
    { path: 'day', ...page(() => import('./routes/doctor/DayPage'), (m) => m.DayPage) },
    { path: 'visits/:appointmentId', ...page(() => import('./routes/doctor/VisitPage'), (m) => m.VisitPage) },
    { path: 'patients', ...page(() => import('./routes/doctor/PatientsPage'), (m) => m.PatientsPage) },
    { path: 'patients/:patientId', ...page(() => import('./routes/doctor/PatientPage'), (m) => m.PatientPage) },
    { path: 'hours', ...page(() => import('./routes/doctor/HoursPage'), (m) => m.HoursPage) },
  ]),
  area('ADMIN', '/admin', [
    { index: true, ...page(() => import('./routes/admin/AdminDashboardPage'), (m) => m.AdminDashboardPage) },
    { path: 'departments', ...page(() => import('./routes/admin/DepartmentsPage'), (m) => m.DepartmentsPage) },
    { path: 'doctors', ...page(() => import('./routes/admin/DoctorsPage'), (m) => m.DoctorsPage) },
    { path: 'doctors/:doctorId/hours', ...page(() => import('./routes/admin/DoctorHoursPage'), (m) => m.DoctorHoursPage) },
    { path: 'doctors/:doctorId/day', ...page(() => import('./routes/doctor/DayPage'), (m) => m.DayPage) },
    { path: 'appointments', ...page(() => import('./routes/admin/AppointmentsPage'), (m) => m.AppointmentsPage) },
    { path: 'book', ...page(() => import('./routes/admin/AdminBookPage'), (m) => m.AdminBookPage) },
    { path: 'urgent', ...page(() => import('./routes/admin/UrgentBookPage'), (m) => m.UrgentBookPage) },
    { path: 'accounts', ...page(() => import('./routes/admin/AccountsPage'), (m) => m.AccountsPage) },
    { path: 'flow', ...page(() => import('./routes/frontdesk/FlowBoardPage'), (m) => m.FlowBoardPage) },
    { path: 'lobby-screens', ...page(() => import('./routes/frontdesk/LobbyScreensPage'), (m) => m.LobbyScreensPage) },
    { path: 'patients', ...page(() => import('./routes/frontdesk/PatientsAdminPage'), (m) => m.PatientsAdminPage) },
    { path: 'patients/:patientId', ...page(() => import('./routes/frontdesk/PatientAdminPage'), (m) => m.PatientAdminPage) },
    { path: 'audit', ...page(() => import('./routes/admin/AuditLogPage'), (m) => m.AuditLogPage) },
    { path: 'integrations', ...page(() => import('./routes/admin/IntegrationsPage'), (m) => m.IntegrationsPage) },
    { path: 'messages', ...page(() => import('./routes/admin/MessagesPage'), (m) => m.MessagesPage) },
    { path: 'billing', ...page(() => import('./routes/admin/InvoicesPage'), (m) => m.InvoicesPage) },
    { path: 'billing/:id', ...page(() => import('./routes/admin/InvoicePage'), (m) => m.InvoicePage) },
  ]),
  { path: '*', ...page(() => import('./auth/RequireRole'), (m) => m.HomeRedirect) },
];

export const router = createBrowserRouter([
  { path: '/sign-in', ...page(() => import('./routes/auth/SignInPage'), (m) => m.SignInPage), errorElement: <PublicRouteError /> },
  { path: '/sign-up', ...page(() => import('./routes/auth/SignUpPage'), (m) => m.SignUpPage), errorElement: <PublicRouteError /> },
  {
    path: '/',
    lazy: async () => {
      const shell = await import('./AppShell');
      await shell.primeFromEarlyRequest();
      return { Component: shell.AppShell };
    },
    errorElement: <PublicRouteError />,
    children: signedIn,
  },
]);

// URLs mirror the areas: /patient/*, /doctor/*, /admin/*; each area is guarded by role.
// Every page (and the signed-in frame) is its own lazily loaded chunk: sign-in downloads
// only what sign-in needs, a doctor's day view only the frame and that page.
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { HomeRedirect, RequireRole } from './auth/RequireRole';
import { NotFoundPage, RouteError } from './components/RouteError';
import type { Role } from './gql/graphql';

type Page = Pick<RouteObject, 'lazy'>;

/** A route whose component lives in its own chunk, fetched when the route is first matched. */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): Page {
  return { lazy: async () => ({ Component: pick(await load()) }) };
}

function area(role: Role, path: string, children: RouteObject[]): RouteObject {
  return {
    path,
    lazy: async () => {
      const { AppFrame } = await import('./components/AppFrame');
      return { element: <RequireRole role={role}><AppFrame role={role} /></RequireRole> };
    },
    errorElement: <RouteError />,
    children: [...children, { path: '*', element: <NotFoundPage /> }],
  };
}

export const router = createBrowserRouter([
  { path: '/', element: <HomeRedirect />, errorElement: <RouteError /> },
  { path: '/sign-in', ...page(() => import('./routes/auth/SignInPage'), (m) => m.SignInPage), errorElement: <RouteError /> },
  { path: '/sign-up', ...page(() => import('./routes/auth/SignUpPage'), (m) => m.SignUpPage), errorElement: <RouteError /> },
  { path: '/sign-out', ...page(() => import('./routes/auth/SignOutPage'), (m) => m.SignOutPage) },
  { path: '/change-password', ...page(() => import('./routes/auth/ChangePasswordPage'), (m) => m.ChangePasswordPage), errorElement: <RouteError /> },
  { path: '/forgot-password', ...page(() => import('./routes/auth/ForgotPasswordPage'), (m) => m.ForgotPasswordPage), errorElement: <RouteError /> },
  { path: '/reset-password/:token', ...page(() => import('./routes/auth/ResetPasswordPage'), (m) => m.ResetPasswordPage), errorElement: <RouteError /> },
  { path: '/invitation/:token', ...page(() => import('./routes/auth/InvitationPage'), (m) => m.InvitationPage), errorElement: <RouteError /> },
  area('PATIENT', '/patient', [
    { index: true, ...page(() => import('./routes/patient/PatientDashboardPage'), (m) => m.PatientDashboardPage) },
    { path: 'book', ...page(() => import('./routes/patient/BookPage'), (m) => m.BookPage) },
    { path: 'appointments', ...page(() => import('./routes/patient/MyAppointmentsPage'), (m) => m.MyAppointmentsPage) },
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
    { path: 'accounts', ...page(() => import('./routes/admin/AccountsPage'), (m) => m.AccountsPage) },
    { path: 'audit', ...page(() => import('./routes/admin/AuditLogPage'), (m) => m.AuditLogPage) },
    { path: 'messages', ...page(() => import('./routes/admin/MessagesPage'), (m) => m.MessagesPage) },
    { path: 'billing', ...page(() => import('./routes/admin/InvoicesPage'), (m) => m.InvoicesPage) },
    { path: 'billing/:id', ...page(() => import('./routes/admin/InvoicePage'), (m) => m.InvoicePage) },
  ]),
  { path: '*', element: <HomeRedirect /> },
]);

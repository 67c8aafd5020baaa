// URLs mirror the areas: /patient/*, /doctor/*, /admin/*; each area is guarded by role.
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { HomeRedirect, RequireRole } from './auth/RequireRole';
import { AppFrame } from './components/AppFrame';
import { NotFoundPage, RouteError } from './components/RouteError';
import type { Role } from './gql/graphql';
import { AdminBookPage } from './routes/admin/AdminBookPage';
import { AdminDashboardPage } from './routes/admin/AdminDashboardPage';
import { AppointmentsPage } from './routes/admin/AppointmentsPage';
import { AuditLogPage } from './routes/admin/AuditLogPage';
import { DoctorHoursPage } from './routes/admin/DoctorHoursPage';
import { DepartmentsPage } from './routes/admin/DepartmentsPage';
import { DoctorsPage } from './routes/admin/DoctorsPage';
import { InvoicePage } from './routes/admin/InvoicePage';
import { InvoicesPage } from './routes/admin/InvoicesPage';
import { ChangePasswordPage } from './routes/auth/ChangePasswordPage';
import { SignInPage } from './routes/auth/SignInPage';
import { SignOutPage } from './routes/auth/SignOutPage';
import { SignUpPage } from './routes/auth/SignUpPage';
import { DoctorDashboardPage } from './routes/doctor/DoctorDashboardPage';
import { DayPage } from './routes/doctor/DayPage';
import { PatientPage } from './routes/doctor/PatientPage';
import { PatientsPage } from './routes/doctor/PatientsPage';
import { VisitPage } from './routes/doctor/VisitPage';
import { HoursPage } from './routes/doctor/HoursPage';
import { BookPage } from './routes/patient/BookPage';
import { MyAppointmentsPage } from './routes/patient/MyAppointmentsPage';
import { PatientDashboardPage } from './routes/patient/PatientDashboardPage';
import { HistoryPage } from './routes/patient/HistoryPage';
import { BillsPage } from './routes/patient/BillsPage';
import { ProfilePage } from './routes/patient/ProfilePage';
import { RecordAccessPage } from './routes/patient/RecordAccessPage';

function area(role: Role, path: string, children: RouteObject[]): RouteObject {
  return {
    path,
    element: <RequireRole role={role}><AppFrame role={role} /></RequireRole>,
    errorElement: <RouteError />,
    children: [...children, { path: '*', element: <NotFoundPage /> }],
  };
}

export const router = createBrowserRouter([
  { path: '/', element: <HomeRedirect />, errorElement: <RouteError /> },
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  { path: '/sign-up', element: <SignUpPage />, errorElement: <RouteError /> },
  { path: '/sign-out', element: <SignOutPage /> },
  { path: '/change-password', element: <ChangePasswordPage />, errorElement: <RouteError /> },
  area('PATIENT', '/patient', [
    { index: true, element: <PatientDashboardPage /> },
    { path: 'book', element: <BookPage /> },
    { path: 'appointments', element: <MyAppointmentsPage /> },
    { path: 'history', element: <HistoryPage /> },
    { path: 'record-access', element: <RecordAccessPage /> },
    { path: 'bills', element: <BillsPage /> },
    { path: 'profile', element: <ProfilePage /> },
  ]),
  area('DOCTOR', '/doctor', [
    { index: true, element: <DoctorDashboardPage /> },
    { path: 'day', element: <DayPage /> },
    { path: 'visits/:appointmentId', element: <VisitPage /> },
    { path: 'patients', element: <PatientsPage /> },
    { path: 'patients/:patientId', element: <PatientPage /> },
    { path: 'hours', element: <HoursPage /> },
  ]),
  area('ADMIN', '/admin', [
    { index: true, element: <AdminDashboardPage /> },
    { path: 'departments', element: <DepartmentsPage /> },
    { path: 'doctors', element: <DoctorsPage /> },
    { path: 'doctors/:doctorId/hours', element: <DoctorHoursPage /> },
    { path: 'doctors/:doctorId/day', element: <DayPage /> },
    { path: 'appointments', element: <AppointmentsPage /> },
    { path: 'book', element: <AdminBookPage /> },
    { path: 'audit', element: <AuditLogPage /> },
    { path: 'billing', element: <InvoicesPage /> },
    { path: 'billing/:id', element: <InvoicePage /> },
  ]),
  { path: '*', element: <HomeRedirect /> },
]);

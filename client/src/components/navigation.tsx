// What each role can reach from the top bar.
import Hub from '@mui/icons-material/Hub';
import type { ReactNode } from 'react';
import Dashboard from '@mui/icons-material/Dashboard';
import EventAvailable from '@mui/icons-material/EventAvailable';
import EventNote from '@mui/icons-material/EventNote';
import Apartment from '@mui/icons-material/Apartment';
import MedicalServices from '@mui/icons-material/MedicalServices';
import Schedule from '@mui/icons-material/Schedule';
import Today from '@mui/icons-material/Today';
import People from '@mui/icons-material/People';
import History from '@mui/icons-material/History';
import Description from '@mui/icons-material/Description';
import ReceiptLong from '@mui/icons-material/ReceiptLong';
import AccountCircle from '@mui/icons-material/AccountCircle';
import ManageAccounts from '@mui/icons-material/ManageAccounts';
import HourglassTop from '@mui/icons-material/HourglassTop';
import LocalHospital from '@mui/icons-material/LocalHospital';
import ViewKanban from '@mui/icons-material/ViewKanban';
import Mail from '@mui/icons-material/Mail';
import type { Role } from '../gql/graphql';
import { t } from '../i18n';

export interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  /** Active only on exactly this path (for area home pages). */
  end?: boolean;
}

// Built when asked (not at module load), so the labels are in the current language.
const NAVIGATION = (): Record<Role, NavItem[]> => ({
  PATIENT: [
    { to: '/patient', label: t('Dashboard'), icon: <Dashboard />, end: true },
    { to: '/patient/book', label: t('Book a visit'), icon: <EventAvailable /> },
    { to: '/patient/appointments', label: t('My appointments'), icon: <EventNote /> },
    { to: '/patient/waitlist', label: t('Waitlist'), icon: <HourglassTop /> },
    { to: '/patient/history', label: t('History'), icon: <Description /> },
    { to: '/patient/bills', label: t('Bills'), icon: <ReceiptLong /> },
    { to: '/patient/profile', label: t('Profile'), icon: <AccountCircle /> },
  ],
  DOCTOR: [
    { to: '/doctor', label: t('Dashboard'), icon: <Dashboard />, end: true },
    { to: '/doctor/day', label: t('Day view'), icon: <Today /> },
    { to: '/doctor/patients', label: t('Patients'), icon: <People /> },
    { to: '/doctor/hours', label: t('Weekly hours'), icon: <Schedule /> },
  ],
  ADMIN: [
    { to: '/admin', label: t('Dashboard'), icon: <Dashboard />, end: true },
    { to: '/admin/departments', label: t('Departments'), icon: <Apartment /> },
    { to: '/admin/doctors', label: t('Doctors'), icon: <MedicalServices /> },
    { to: '/admin/flow', label: t('Flow board'), icon: <ViewKanban /> },
    { to: '/admin/patients', label: t('Patients'), icon: <People /> },
    { to: '/admin/appointments', label: t('Appointments'), icon: <EventNote /> },
    { to: '/admin/book', label: t('Book'), icon: <EventAvailable /> },
    { to: '/admin/urgent', label: t('Urgent'), icon: <LocalHospital /> },
    { to: '/admin/billing', label: t('Billing'), icon: <ReceiptLong /> },
    { to: '/admin/accounts', label: t('Accounts'), icon: <ManageAccounts /> },
    { to: '/admin/audit', label: t('Audit log'), icon: <History /> },
    { to: '/admin/integrations', label: t('Integrations'), icon: <Hub /> },
    { to: '/admin/messages', label: t('Messages'), icon: <Mail /> },
  ],
});

export function navigationFor(role: Role): NavItem[] {
  return NAVIGATION()[role];
}

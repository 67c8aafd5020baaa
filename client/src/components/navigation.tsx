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

export interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  /** Active only on exactly this path (for area home pages). */
  end?: boolean;
}

const NAVIGATION: Record<Role, NavItem[]> = {
  PATIENT: [
    { to: '/patient', label: 'Dashboard', icon: <Dashboard />, end: true },
    { to: '/patient/book', label: 'Book a visit', icon: <EventAvailable /> },
    { to: '/patient/appointments', label: 'My appointments', icon: <EventNote /> },
    { to: '/patient/waitlist', label: 'Waitlist', icon: <HourglassTop /> },
    { to: '/patient/history', label: 'History', icon: <Description /> },
    { to: '/patient/bills', label: 'Bills', icon: <ReceiptLong /> },
    { to: '/patient/profile', label: 'Profile', icon: <AccountCircle /> },
  ],
  DOCTOR: [
    { to: '/doctor', label: 'Dashboard', icon: <Dashboard />, end: true },
    { to: '/doctor/day', label: 'Day view', icon: <Today /> },
    { to: '/doctor/patients', label: 'Patients', icon: <People /> },
    { to: '/doctor/hours', label: 'Weekly hours', icon: <Schedule /> },
  ],
  ADMIN: [
    { to: '/admin', label: 'Dashboard', icon: <Dashboard />, end: true },
    { to: '/admin/departments', label: 'Departments', icon: <Apartment /> },
    { to: '/admin/doctors', label: 'Doctors', icon: <MedicalServices /> },
    { to: '/admin/flow', label: 'Flow board', icon: <ViewKanban /> },
    { to: '/admin/patients', label: 'Patients', icon: <People /> },
    { to: '/admin/appointments', label: 'Appointments', icon: <EventNote /> },
    { to: '/admin/book', label: 'Book', icon: <EventAvailable /> },
    { to: '/admin/urgent', label: 'Urgent', icon: <LocalHospital /> },
    { to: '/admin/billing', label: 'Billing', icon: <ReceiptLong /> },
    { to: '/admin/accounts', label: 'Accounts', icon: <ManageAccounts /> },
    { to: '/admin/audit', label: 'Audit log', icon: <History /> },
    { to: '/admin/integrations', label: 'Integrations', icon: <Hub /> },
    { to: '/admin/messages', label: 'Messages', icon: <Mail /> },
  ],
};

export function navigationFor(role: Role): NavItem[] {
  return NAVIGATION[role];
}

// Booking, step by step: department -> doctor -> day -> time -> confirm, each step in the URL.
// Used by patients for themselves and by admins on behalf of a patient (patientId).
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Box, Button, Card, CardActionArea, CardContent, Divider, Grid, Paper, Stack, Step, StepButton, Stepper, TextField, Typography,
} from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { getFragmentData, graphql } from '../../gql';
import type { BookAppointmentMutation } from '../../gql/graphql';
import { t, useT } from '../../i18n';
import { errorCode, errorMessage, fieldErrors } from '../../lib/errors';
import { formatDateTime, formatLocalDate, formatMoney, formatTime } from '../../lib/format';
import { randomKey } from '../../lib/ids';
import { DoctorCard, DoctorCardFragment } from '../DoctorCard';
import { EmptyState, ErrorState, Loading } from '../QueryState';
import { DayPicker } from './DayPicker';
import { RepeatVisitPanel } from './RepeatVisitPanel';
import { AvailableSlotsDocument, SlotPicker } from './SlotPicker';

const BookingDepartmentsDocument = graphql(`
  query BookingDepartments {
    departments { id name description doctors { id } }
  }
`);

const BookingDoctorsDocument = graphql(`
  query BookingDoctors($departmentId: ID!) {
    doctors(departmentId: $departmentId) { id fullName ...DoctorCard_doctor }
  }
`);

const BookAppointmentDocument = graphql(`
  mutation BookAppointment($input: BookAppointmentInput!) {
    bookAppointment(input: $input) {
      id
      startsAt
      endsAt
      status
      doctor { id fullName }
    }
  }
`);

export type BookedAppointment = BookAppointmentMutation['bookAppointment'];

// The steps live in the URL (?department=&doctor=&date=&slot=): the browser's Back goes one step
// back, a reload stays on the step, a link can be shared. Other query parameters are kept.
const STEP_PARAMS = ['department', 'doctor', 'date', 'slot'] as const;
type StepParam = (typeof STEP_PARAMS)[number];
type Picked = Partial<Record<StepParam, string>>;

function stepNames(): string[] {
  return [t('Department'), t('Doctor'), t('Day'), t('Time'), t('Confirm')];
}

/**
 * After each step the new step's heading takes the focus (not the page body), so a keyboard or
 * screen-reader user hears where they are. The heading registers itself; the wizard asks for focus.
 */
interface StepFocus { heading: HTMLElement | null; pending: boolean }
const StepFocusContext = createContext<StepFocus>({ heading: null, pending: false });

export function BookingWizard(props: { patientId?: string; patientName?: string; onBooked(appointment: BookedAppointment): void; onSeriesBooked?(): void }) {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [book, booking] = useMutation(BookAppointmentDocument);

  const picked: Picked = {};
  for (const name of STEP_PARAMS) {
    const value = params.get(name);
    if (!value) break; // a step counts only when every step before it is there
    picked[name] = value;
  }
  if (picked.date && !/^\d{4}-\d{2}-\d{2}$/.test(picked.date)) { delete picked.date; delete picked.slot; }

  // What the ids in the URL stand for, from the same (cached) queries the steps run.
  const departments = useQuery(BookingDepartmentsDocument, { skip: !picked.department });
  const doctors = useQuery(BookingDoctorsDocument, { variables: { departmentId: picked.department ?? '' }, skip: !picked.doctor });
  const slots = useQuery(AvailableSlotsDocument, {
    variables: { doctorId: picked.doctor ?? '', date: picked.date ?? '' },
    skip: !picked.slot,
  });
  const department = departments.data?.departments.find((d) => d.id === picked.department);
  const doctor = doctors.data?.doctors.find((d) => d.id === picked.doctor);
  const slot = slots.data?.availableSlots.find((s) => s.startsAt === picked.slot);
  const resolving = (picked.department && departments.loading && !departments.data)
    || (picked.doctor && doctors.loading && !doctors.data)
    || (picked.slot && slots.loading && !slots.data);

  // The step shown: the first one whose choice is missing or no longer valid (an unknown id, a taken slot).
  const step = !department ? 0 : !doctor ? 1 : !picked.date ? 2 : !slot ? 3 : 4;
  const staleSlot = Boolean(picked.slot && slots.data && !slot && doctor);

  // One key per chosen slot: a double click or a retry after a timeout books once.
  const idempotencyKey = useMemo(() => randomKey(), [doctor?.id, slot?.startsAt]);

  const focus = useRef<StepFocus>({ heading: null, pending: false });
  const shownStep = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (resolving) return;
    const first = shownStep.current === null;
    if (shownStep.current === step) return;
    shownStep.current = step;
    // On the first render only a resumed step (a reload, a link) takes the focus.
    if (first && step === 0) return;
    if (focus.current.heading?.isConnected) focus.current.heading.focus();
    else focus.current.pending = true; // the heading appears once its step's data has loaded
  }, [step, resolving]);

  const goTo = (next: Picked) => {
    setFailure(null);
    // Each step is a history entry that remembers the step it came from (for the Back button below).
    setParams((current) => {
      const out = new URLSearchParams(current);
      for (const name of STEP_PARAMS) out.delete(name);
      for (const name of STEP_PARAMS) {
        if (!next[name]) break;
        out.set(name, next[name]!);
      }
      return out;
    }, { state: { bookingStepFrom: step } });
  };
  /** Back to step `index` (0 = department), keeping the choices before it. */
  const backTo = (index: number) => goTo(Object.fromEntries(STEP_PARAMS.slice(0, index).map((name) => [name, picked[name]])));
  /** The page's Back button: the browser's Back when the previous entry is the step before, so both agree. */
  const back = () => {
    if ((location.state as { bookingStepFrom?: number } | null)?.bookingStepFrom === step - 1) navigate(-1);
    else backTo(step - 1);
  };

  const confirm = async () => {
    if (!doctor || !slot) return;
    setFailure(null);
    setReasonError(undefined);
    try {
      const { data } = await book({
        variables: {
          input: {
            doctorId: doctor.id,
            startsAt: slot.startsAt,
            reason: reason.trim() || null,
            patientId: props.patientId ?? null,
            idempotencyKey,
          },
        },
      });
      if (data) props.onBooked(data.bookAppointment);
    } catch (error) {
      if (errorCode(error) === 'SLOT_UNAVAILABLE') {
        // Someone was faster: show the day's remaining times again.
        backTo(3);
        setFailure(t('Sorry, that time was just taken or is no longer available. Please pick another time.'));
        return;
      }
      const fields = fieldErrors(error);
      if (fields.reason) setReasonError(fields.reason);
      else setFailure(errorMessage(error));
    }
  };

  if (resolving) return <Loading />;
  const names = stepNames();
  return (
    <StepFocusContext.Provider value={focus.current}>
    <Stack spacing={3}>
      <Stepper activeStep={step} alternativeLabel nonLinear sx={{ display: { xs: 'none', sm: 'flex' } }}>
        {names.map((label, index) => (
          <Step key={index} completed={index < step}>
            <StepButton onClick={() => backTo(index)} disabled={index >= step}>{label}</StepButton>
          </Step>
        ))}
      </Stepper>
      <Typography sx={{ display: { xs: 'block', sm: 'none' } }} color="text.secondary">
        {t('Step {{step}} of {{count}}: {{name}}', { step: step + 1, count: names.length, name: names[step] })}
      </Typography>

      {failure && <Alert severity="warning" onClose={() => setFailure(null)}>{failure}</Alert>}
      {!failure && staleSlot && (
        <Alert severity="warning">{t('That time is no longer available. Please pick another slot.')}</Alert>
      )}

      {step > 0 && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Button startIcon={<ArrowBack />} onClick={back}>{t('Back')}</Button>
          <Typography color="text.secondary">
            {[
              department?.name,
              step > 1 && doctor?.fullName,
              step > 2 && picked.date && formatLocalDate(picked.date),
              step > 3 && slot && formatTime(slot.startsAt),
            ].filter(Boolean).join(' · ')}
          </Typography>
        </Stack>
      )}

      {step === 0 && <DepartmentStep onSelect={(id) => goTo({ department: id })} />}
      {step === 1 && department && (
        <DoctorStep departmentId={department.id} onSelect={(id) => goTo({ department: department.id, doctor: id })} />
      )}
      {step === 2 && department && doctor && (
        <Section title={t('When would you like to see {{name}}?', { name: doctor.fullName })}>
          <DayPicker
            doctorId={doctor.id}
            selected={null}
            onSelect={(date) => goTo({ department: department.id, doctor: doctor.id, date })}
          />
        </Section>
      )}
      {step === 3 && department && doctor && picked.date && (
        <Section title={t('Free times on {{date}}', { date: formatLocalDate(picked.date) })}>
          <SlotPicker
            doctorId={doctor.id}
            date={picked.date}
            selected={null}
            onSelect={(picks) => goTo({ department: department.id, doctor: doctor.id, date: picked.date, slot: picks.startsAt })}
          />
        </Section>
      )}
      {step === 4 && doctor && slot && (
        <Section title={t('Confirm your visit')}>
          <Grid container spacing={3}>
            <Grid size={{ xs: 12, md: 6 }}>
              <DoctorCard doctor={doctor} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Paper variant="outlined" sx={{ p: 2.5 }}>
                {props.patientName && <Summary label={t('Patient')} value={props.patientName} />}
                <Summary label={t('When')} value={formatDateTime(slot.startsAt)} />
                <Summary label={t('Until')} value={formatTime(slot.endsAt)} />
                <Summary label={t('Department')} value={department?.name ?? ''} />
                <Summary label={t('Fee')} value={formatMoney(getFragmentData(DoctorCardFragment, doctor).consultationFee)} />
                <Divider sx={{ my: 2 }} />
                <TextField
                  id="field-reason"
                  label={t('Reason for the visit (optional)')}
                  multiline
                  minRows={2}
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  error={Boolean(reasonError)}
                  helperText={reasonError ?? t('Helps the doctor prepare')}
                  slotProps={{ htmlInput: { maxLength: 500 } }}
                />
                <Button fullWidth variant="contained" size="large" sx={{ mt: 2 }} disabled={booking.loading} onClick={() => void confirm()}>
                  {booking.loading ? t('Booking…') : t('Confirm booking')}
                </Button>
                <RepeatVisitPanel doctorId={doctor.id} startsAt={slot.startsAt} patientId={props.patientId} reason={reason} onBooked={() => props.onSeriesBooked?.()} />
              </Paper>
            </Grid>
          </Grid>
        </Section>
      )}
    </Stack>
    </StepFocusContext.Provider>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const focus = useContext(StepFocusContext);
  const heading = useCallback((element: HTMLElement | null) => {
    if (!element) { focus.heading = null; return; }
    focus.heading = element;
    if (focus.pending) { focus.pending = false; element.focus(); }
  }, [focus]);
  return (
    <Box component="section">
      {/* tabIndex -1: focusable by the wizard, not a tab stop. */}
      <Typography ref={heading} tabIndex={-1} variant="h6" component="h2" sx={{ mb: 2, '&:focus': { outline: 'none' } }}>{title}</Typography>
      {children}
    </Box>
  );
}

function Summary({ label, value }: { label: string; value: string }) {
  return (
    <Stack direction="row" sx={{ justifyContent: 'space-between', py: 0.5, gap: 2 }}>
      <Typography color="text.secondary">{label}</Typography>
      <Typography sx={{ fontWeight: 600, textAlign: 'right' }}>{value}</Typography>
    </Stack>
  );
}

function DepartmentStep({ onSelect }: { onSelect(departmentId: string): void }) {
  const { t } = useT();
  const { data, loading, error, refetch } = useQuery(BookingDepartmentsDocument);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const departments = data?.departments ?? [];
  if (departments.length === 0) return <EmptyState title={t('No departments are open for booking yet')} />;
  return (
    <Section title={t('Which department?')}>
      <Grid container spacing={2}>
        {departments.map((department) => (
          <Grid key={department.id} size={{ xs: 12, sm: 6, md: 4 }}>
            <Card sx={{ height: '100%' }}>
              <CardActionArea sx={{ height: '100%' }} onClick={() => onSelect(department.id)}>
                <CardContent>
                  <Typography variant="h6" component="h3">{department.name}</Typography>
                  <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                    {department.description ?? ' '}
                  </Typography>
                  <Typography variant="caption" color="primary" sx={{ display: 'block', mt: 1, fontWeight: 600 }}>
                    {t('{{count}} doctors', { count: department.doctors.length })}
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </Grid>
        ))}
      </Grid>
    </Section>
  );
}

function DoctorStep(props: {
  departmentId: string;
  onSelect(doctorId: string): void;
}) {
  const { t } = useT();
  const { data, loading, error, refetch } = useQuery(BookingDoctorsDocument, { variables: { departmentId: props.departmentId } });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const doctors = data?.doctors ?? [];
  if (doctors.length === 0) return <EmptyState title={t('No doctors in this department take bookings yet')}>{t('Try another department.')}</EmptyState>;
  return (
    <Section title={t('Which doctor?')}>
      <Grid container spacing={2}>
        {doctors.map((doctor) => (
          <Grid key={doctor.id} size={{ xs: 12, md: 6 }}>
            <DoctorCard doctor={doctor} onSelect={() => props.onSelect(doctor.id)} />
          </Grid>
        ))}
      </Grid>
    </Section>
  );
}

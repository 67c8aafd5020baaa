// Booking, step by step: department -> doctor -> day -> time -> confirm.
// Used by patients for themselves and by admins on behalf of a patient (patientId).
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Box, Button, Card, CardActionArea, CardContent, Divider, Grid, Paper, Stack, Step, StepButton, Stepper, TextField, Typography,
} from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { useMemo, useState, type ReactNode } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { BookAppointmentMutation } from '../../gql/graphql';
import { errorCode, errorMessage, fieldErrors } from '../../lib/errors';
import { formatDateTime, formatLocalDate, formatMoney, formatTime } from '../../lib/format';
import { randomKey } from '../../lib/ids';
import { DoctorCard, DoctorCardFragment } from '../DoctorCard';
import { EmptyState, ErrorState, Loading } from '../QueryState';
import { DayPicker } from './DayPicker';
import { RepeatVisitPanel } from './RepeatVisitPanel';
import { SlotPicker, type PickedSlot } from './SlotPicker';

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

const STEPS = ['Department', 'Doctor', 'Day', 'Time', 'Confirm'];

interface Choice {
  department?: { id: string; name: string };
  doctor?: { id: string; fullName: string; card: FragmentType<typeof DoctorCardFragment> };
  date?: string;
  slot?: PickedSlot;
}

export function BookingWizard(props: { patientId?: string; patientName?: string; onBooked(appointment: BookedAppointment): void; onSeriesBooked?(): void }) {
  const [choice, setChoice] = useState<Choice>({});
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [book, booking] = useMutation(BookAppointmentDocument);
  // One key per chosen slot: a double click or a retry after a timeout books once.
  const idempotencyKey = useMemo(() => randomKey(), [choice.doctor?.id, choice.slot?.startsAt]);

  const step = !choice.department ? 0 : !choice.doctor ? 1 : !choice.date ? 2 : !choice.slot ? 3 : 4;
  const goTo = (target: number) => {
    setFailure(null);
    setChoice((c) => ({
      department: target > 0 ? c.department : undefined,
      doctor: target > 1 ? c.doctor : undefined,
      date: target > 2 ? c.date : undefined,
      slot: target > 3 ? c.slot : undefined,
    }));
  };

  const confirm = async () => {
    if (!choice.doctor || !choice.slot) return;
    setFailure(null);
    setReasonError(undefined);
    try {
      const { data } = await book({
        variables: {
          input: {
            doctorId: choice.doctor.id,
            startsAt: choice.slot.startsAt,
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
        setChoice((c) => ({ ...c, slot: undefined }));
        setFailure('Sorry, that time was just taken or is no longer available. Please pick another time.');
        return;
      }
      const fields = fieldErrors(error);
      if (fields.reason) setReasonError(fields.reason);
      else setFailure(errorMessage(error));
    }
  };

  return (
    <Stack spacing={3}>
      <Stepper activeStep={step} alternativeLabel nonLinear sx={{ display: { xs: 'none', sm: 'flex' } }}>
        {STEPS.map((label, index) => (
          <Step key={label} completed={index < step}>
            <StepButton onClick={() => goTo(index)} disabled={index >= step}>{label}</StepButton>
          </Step>
        ))}
      </Stepper>
      <Typography sx={{ display: { xs: 'block', sm: 'none' } }} color="text.secondary">
        Step {step + 1} of {STEPS.length}: {STEPS[step]}
      </Typography>

      {failure && <Alert severity="warning" onClose={() => setFailure(null)}>{failure}</Alert>}

      {step > 0 && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Button startIcon={<ArrowBack />} onClick={() => goTo(step - 1)}>Back</Button>
          <Typography color="text.secondary">
            {[
              choice.department?.name,
              choice.doctor?.fullName,
              choice.date && formatLocalDate(choice.date),
              choice.slot && formatTime(choice.slot.startsAt),
            ].filter(Boolean).join(' · ')}
          </Typography>
        </Stack>
      )}

      {step === 0 && <DepartmentStep onSelect={(department) => setChoice({ department })} />}
      {step === 1 && choice.department && (
        <DoctorStep
          departmentId={choice.department.id}
          onSelect={(doctor) => setChoice((c) => ({ ...c, doctor }))}
        />
      )}
      {step === 2 && choice.doctor && (
        <Section title={`When would you like to see ${choice.doctor.fullName}?`}>
          <DayPicker doctorId={choice.doctor.id} selected={choice.date ?? null} onSelect={(date) => setChoice((c) => ({ ...c, date }))} />
        </Section>
      )}
      {step === 3 && choice.doctor && choice.date && (
        <Section title={`Free times on ${formatLocalDate(choice.date)}`}>
          <SlotPicker
            doctorId={choice.doctor.id}
            date={choice.date}
            selected={null}
            onSelect={(slot) => { setFailure(null); setChoice((c) => ({ ...c, slot })); }}
          />
        </Section>
      )}
      {step === 4 && choice.doctor && choice.slot && (
        <Section title="Confirm your visit">
          <Grid container spacing={3}>
            <Grid size={{ xs: 12, md: 6 }}>
              <DoctorCard doctor={choice.doctor.card} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Paper variant="outlined" sx={{ p: 2.5 }}>
                {props.patientName && <Summary label="Patient" value={props.patientName} />}
                <Summary label="When" value={formatDateTime(choice.slot.startsAt)} />
                <Summary label="Until" value={formatTime(choice.slot.endsAt)} />
                <Summary label="Department" value={choice.department?.name ?? ''} />
                <Summary label="Fee" value={formatMoney(getFragmentData(DoctorCardFragment, choice.doctor.card).consultationFee)} />
                <Divider sx={{ my: 2 }} />
                <TextField
                  id="field-reason"
                  label="Reason for the visit (optional)"
                  multiline
                  minRows={2}
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  error={Boolean(reasonError)}
                  helperText={reasonError ?? 'Helps the doctor prepare'}
                  slotProps={{ htmlInput: { maxLength: 500 } }}
                />
                <Button fullWidth variant="contained" size="large" sx={{ mt: 2 }} disabled={booking.loading} onClick={() => void confirm()}>
                  {booking.loading ? 'Booking…' : 'Confirm booking'}
                </Button>
                <RepeatVisitPanel doctorId={choice.doctor.id} startsAt={choice.slot.startsAt} patientId={props.patientId} reason={reason} onBooked={() => props.onSeriesBooked?.()} />
              </Paper>
            </Grid>
          </Grid>
        </Section>
      )}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section">
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>{title}</Typography>
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

function DepartmentStep({ onSelect }: { onSelect(department: { id: string; name: string }): void }) {
  const { data, loading, error, refetch } = useQuery(BookingDepartmentsDocument);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const departments = data?.departments ?? [];
  if (departments.length === 0) return <EmptyState title="No departments are open for booking yet" />;
  return (
    <Section title="Which department?">
      <Grid container spacing={2}>
        {departments.map((department) => (
          <Grid key={department.id} size={{ xs: 12, sm: 6, md: 4 }}>
            <Card sx={{ height: '100%' }}>
              <CardActionArea sx={{ height: '100%' }} onClick={() => onSelect({ id: department.id, name: department.name })}>
                <CardContent>
                  <Typography variant="h6" component="h3">{department.name}</Typography>
                  <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                    {department.description ?? ' '}
                  </Typography>
                  <Typography variant="caption" color="primary" sx={{ display: 'block', mt: 1, fontWeight: 600 }}>
                    {department.doctors.length} doctor{department.doctors.length === 1 ? '' : 's'}
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
  onSelect(doctor: { id: string; fullName: string; card: FragmentType<typeof DoctorCardFragment> }): void;
}) {
  const { data, loading, error, refetch } = useQuery(BookingDoctorsDocument, { variables: { departmentId: props.departmentId } });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const doctors = data?.doctors ?? [];
  if (doctors.length === 0) return <EmptyState title="No doctors in this department take bookings yet">Try another department.</EmptyState>;
  return (
    <Section title="Which doctor?">
      <Grid container spacing={2}>
        {doctors.map((doctor) => (
          <Grid key={doctor.id} size={{ xs: 12, md: 6 }}>
            <DoctorCard doctor={doctor} onSelect={() => props.onSelect({ id: doctor.id, fullName: doctor.fullName, card: doctor })} />
          </Grid>
        ))}
      </Grid>
    </Section>
  );
}

import { useQuery } from '@apollo/client/react';
import {
  Box, Chip, Collapse, Grid, IconButton, Link, MenuItem, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUp from '@mui/icons-material/KeyboardArrowUp';
import { visuallyHidden } from '@mui/utils';
import { Fragment, useDeferredValue, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import { t, useT } from '../../i18n';
import { displayZone, formatDateTime } from '../../lib/format';
import { hospitalDayStart } from '../../lib/hospital-day';
import { useCursorPager } from '../../lib/pager';
import { phoneCells } from './table-layout';

const AuditEventsDocument = graphql(`
  query AuditEvents($filter: AuditEventFilter, $after: String, $first: Int!) {
    auditEvents(filter: $filter, after: $after, first: $first) {
      totalCount
      nextCursor
      items {
        id action entityType entityId entityName actorId actorName actorRole subjectPatientId subjectName changes requestId createdAt
      }
    }
  }
`);

const ENTITY_TYPES = ['appointment', 'availability_block', 'department', 'doctor', 'invoice', 'operation', 'patient', 'treatment'];

/** Action families (the part before the first dot); the server matches `family.*`. */
// Labels are functions so that t() runs at render time, in the language chosen then.
const ACTIONS: Array<[string, () => string]> = [
  ['appointment', () => t('Appointments')],
  ['availability', () => t('Weekly hours')],
  ['availability_block', () => t('Blocked time')],
  ['treatment', () => t('Treatment entries written')],
  ['record', () => t('Clinical records opened')],
  ['access', () => t('Refused (FORBIDDEN)')],
  ['invoice', () => t('Invoices')],
  ['payment', () => t('Payments')],
  ['department', () => t('Departments')],
  ['doctor', () => t('Doctors')],
  ['patient', () => t('Patients')],
  ['data_key', () => t('Data key changes')],
];

const ROLE_LABEL: Record<string, () => string> = { ADMIN: () => t('admin'), DOCTOR: () => t('doctor'), PATIENT: () => t('patient') };
const PAGE_SIZE = 30;

type Changes = Record<string, { before?: unknown; after?: unknown }>;

function parseChanges(raw: string | null | undefined): Changes | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === 'object' ? (value as Changes) : null;
  } catch {
    return null;
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A field name in words: "startsAt" -> "Starts at", "patientId" -> "Patient". */
function fieldLabel(field: string): string {
  const words = field.replace(/Id$/, '').replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A changed value as people read it: instants in the hospital's time (not ISO UTC), the event's
 * patient by name (not "patientId 1"), other ids as "#n".
 */
function show(value: unknown, field: string, event: { subjectPatientId?: string | null; subjectName?: string | null }): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return formatDateTime(value);
  if (field.endsWith('Id') && (typeof value === 'string' || typeof value === 'number')) {
    if (field === 'patientId' && event.subjectName && String(value) === event.subjectPatientId) return event.subjectName;
    return `#${value}`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The record in words: its name where it has one, else its kind and number (the patient shows in its own column). */
function recordLabel(event: { action: string; entityType: string; entityId: string; entityName?: string | null; subjectName?: string | null }): string {
  if (event.entityName) return `${event.entityType} ${event.entityName}`;
  if (event.entityType === 'patient' && event.subjectName) return event.action.startsWith('record.') ? t('medical record') : t('patient profile');
  if (event.entityType === 'operation') return event.entityId;
  return `${event.entityType} #${event.entityId}`;
}

/** Who changed what and when: the append-only audit trail, newest first. */
export function AuditLogPage() {
  const { t } = useT();
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [action, setAction] = useState('');
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const [actorSearch, setActorSearch] = useState('');
  const [subject, setSubject] = useState<{ id: string; name: string } | null>(null);
  const [patientSearch, setPatientSearch] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const pager = useCursorPager();
  // Days are the hospital's days, wherever the browser is.
  const day = (date: string, plus = 0) => (date ? hospitalDayStart(date).plus({ days: plus }).toUTC().toISO() : null);
  const typedActor = useDeferredValue(actorSearch.trim());
  const typedPatient = useDeferredValue(patientSearch.trim());
  const { data, previousData, loading, error, refetch } = useQuery(AuditEventsDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pager.after,
      filter: {
        entityType: entityType || null,
        entityId: entityType && entityId.trim() ? entityId.trim() : null,
        actorId: actor?.id ?? null,
        actorSearch: actor ? null : typedActor || null,
        action: action || null,
        subjectPatientId: subject?.id ?? null,
        patientSearch: subject ? null : typedPatient || null,
        from: day(from),
        to: day(to, 1),
      },
    },
    fetchPolicy: 'cache-and-network',
  });
  const change = <T,>(set: (value: T) => void) => (value: T) => { pager.reset(); set(value); };
  const shown = data ?? previousData;
  const page = shown?.auditEvents;

  return (
    <>
      <PageHeader title={t('Audit log')} subtitle={t('Every change, every opening of clinical records and every refusal: who, what, when. Append-only.')} />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Grid container spacing={2} sx={{ alignItems: 'center' }}>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            {actor
              ? <Chip label={t('By {{name}}', { name: actor.name })} onDelete={() => change(setActor)(null)} />
              : <TextField label={t('Person')} placeholder={t('Name or email')} size="small" fullWidth value={actorSearch}
                  onChange={(e) => change(setActorSearch)(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />}
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <TextField select label={t('Action')} size="small" fullWidth value={action} onChange={(e) => change(setAction)(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}>
              <MenuItem value="">{t('All actions')}</MenuItem>
              {ACTIONS.map(([value, label]) => <MenuItem key={value} value={value}>{label()}</MenuItem>)}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            {subject
              ? <Chip label={t('About {{name}}', { name: subject.name })} onDelete={() => change(setSubject)(null)} />
              : <TextField label={t('Patient')} placeholder={t('Name or record number')} size="small" fullWidth value={patientSearch}
                  onChange={(e) => change(setPatientSearch)(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />}
          </Grid>
          <Grid size={{ xs: 6, sm: 3, md: 1.5 }}>
            <TextField select label={t('Record type')} size="small" fullWidth value={entityType} onChange={(e) => change(setEntityType)(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}>
              <MenuItem value="">{t('All records')}</MenuItem>
              {ENTITY_TYPES.map((type) => <MenuItem key={type} value={type}>{type}</MenuItem>)}
            </TextField>
          </Grid>
          <Grid size={{ xs: 6, sm: 3, md: 1.5 }}>
            <TextField label={t('Record id')} size="small" fullWidth value={entityId} disabled={!entityType} onChange={(e) => change(setEntityId)(e.target.value)} />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField label={t('From day')} type="date" size="small" fullWidth value={from} onChange={(e) => change(setFrom)(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField label={t('To day')} type="date" size="small" fullWidth value={to} onChange={(e) => change(setTo)(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          </Grid>
          <Grid size={{ xs: 12, md: 8 }}>
            <Typography variant="body2" color="text.secondary">
              {t('Days and times in {{zone}}. Click a person or a patient in the list to see only theirs.', { zone: displayZone() })}
            </Typography>
          </Grid>
        </Grid>
      </Paper>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !shown ? <Loading /> : page && page.items.length === 0 ? (
        <EmptyState title={t('No audit events match')} />
      ) : page && (
        <>
          <TableContainer component={Paper} variant="outlined" aria-label={t('Audit events table')}>
            <Table size="small" aria-label={t('Audit events')} sx={phoneCells}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 40 }}><Box component="span" sx={visuallyHidden}>{t('Changes')}</Box></TableCell>
                  <TableCell>{t('When')}</TableCell>
                  <TableCell>{t('Action')}</TableCell>
                  <TableCell>{t('Record')}</TableCell>
                  <TableCell>{t('Patient')}</TableCell>
                  <TableCell>{t('By')}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{t('Changed')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {page.items.map((event) => {
                  const changes = parseChanges(event.changes);
                  const fields = changes ? Object.keys(changes) : [];
                  const expanded = open === event.id;
                  return (
                    <Fragment key={event.id}>
                      <TableRow hover sx={{ '& > td': { borderBottom: expanded ? 'none' : undefined } }}>
                        <TableCell>
                          {fields.length > 0 && (
                            <IconButton size="small" aria-label={expanded ? t('Hide changes') : t('Show changes')} onClick={() => setOpen(expanded ? null : event.id)}>
                              {expanded ? <KeyboardArrowUp /> : <KeyboardArrowDown />}
                            </IconButton>
                          )}
                        </TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.createdAt)}</TableCell>
                        <TableCell><Chip size="small" variant="outlined" label={event.action} /></TableCell>
                        <TableCell>{recordLabel(event)}</TableCell>
                        <TableCell>
                          {event.subjectName && event.subjectPatientId ? (
                            <Link component="button" variant="body2" underline="hover" sx={{ textAlign: 'left' }}
                              onClick={() => change(setSubject)({ id: event.subjectPatientId!, name: event.subjectName! })}>
                              {event.subjectName}
                            </Link>
                          ) : <Typography variant="body2" color="text.secondary">—</Typography>}
                        </TableCell>
                        <TableCell>
                          {event.actorName ? (
                            <Link component="button" variant="body2" underline="hover" sx={{ textAlign: 'left', wordBreak: 'break-all' }}
                              onClick={() => event.actorId && change(setActor)({ id: event.actorId, name: event.actorName! })}>
                              {event.actorName}
                            </Link>
                          ) : <Typography variant="body2" color="text.secondary">{t('system')}</Typography>}
                          {event.actorRole && <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>{ROLE_LABEL[event.actorRole]?.() ?? event.actorRole}</Typography>}
                        </TableCell>
                        <TableCell sx={{ display: { xs: 'none', md: 'table-cell' }, color: 'text.secondary' }}>{fields.map(fieldLabel).join(', ') || '—'}</TableCell>
                      </TableRow>
                      {expanded && changes && (
                        <TableRow>
                          <TableCell colSpan={7} sx={{ py: 0 }}>
                            <Collapse in>
                              <Box sx={{ py: 1.5, pl: 6 }}>
                                <Table size="small" aria-label={t('Changes')}>
                                  <TableHead>
                                    <TableRow><TableCell>{t('Field')}</TableCell><TableCell>{t('Before')}</TableCell><TableCell>{t('After')}</TableCell></TableRow>
                                  </TableHead>
                                  <TableBody>
                                    {Object.entries(changes).map(([field, value]) => (
                                      <TableRow key={field}>
                                        <TableCell>{fieldLabel(field)}</TableCell>
                                        <TableCell sx={{ wordBreak: 'break-word' }}>{show(value?.before, field, event)}</TableCell>
                                        <TableCell sx={{ wordBreak: 'break-word' }}>{show(value?.after, field, event)}</TableCell>
                                      </TableRow>
                                    ))}
                                  </TableBody>
                                </Table>
                                <Typography variant="caption" color="text.secondary">
                                  {event.entityType} #{event.entityId}{event.requestId ? ` · ${t('request {{id}}', { id: event.requestId })}` : ''}
                                </Typography>
                              </Box>
                            </Collapse>
                          </TableCell>
                        </TableRow>
                      )}
                    </Fragment>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
          <Pager page={pager.page} totalCount={page.totalCount} nextCursor={page.nextCursor} onNext={pager.next} onPrevious={pager.previous} />
        </>
      )}
    </>
  );
}

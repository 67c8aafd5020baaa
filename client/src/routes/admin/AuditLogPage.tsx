import { useQuery } from '@apollo/client/react';
import {
  Box, Chip, Collapse, Grid, IconButton, Link, MenuItem, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUp from '@mui/icons-material/KeyboardArrowUp';
import { DateTime } from 'luxon';
import { Fragment, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { useCursorPager } from '../../lib/pager';

const AuditEventsDocument = graphql(`
  query AuditEvents($filter: AuditEventFilter, $after: String, $first: Int!) {
    auditEvents(filter: $filter, after: $after, first: $first) {
      totalCount
      nextCursor
      items { id action entityType entityId actorId actorEmail actorRole changes requestId createdAt }
    }
  }
`);

const ENTITY_TYPES = ['appointment', 'availability_block', 'doctor', 'invoice', 'treatment'];
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

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Who changed what and when: the append-only audit trail, newest first. */
export function AuditLogPage() {
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [actor, setActor] = useState<{ id: string; email: string } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const pager = useCursorPager();
  const day = (date: string, plus = 0) => (date ? DateTime.fromISO(date).plus({ days: plus }).toUTC().toISO() : null);
  const { data, previousData, loading, error, refetch } = useQuery(AuditEventsDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pager.after,
      filter: {
        entityType: entityType || null,
        entityId: entityType && entityId.trim() ? entityId.trim() : null,
        actorId: actor?.id ?? null,
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
      <PageHeader title="Audit log" subtitle="Every change to appointments, the directory and billing: who, what, when." />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Grid container spacing={2} sx={{ alignItems: 'center' }}>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <TextField select label="Record type" size="small" value={entityType} onChange={(e) => change(setEntityType)(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}>
              <MenuItem value="">All records</MenuItem>
              {ENTITY_TYPES.map((type) => <MenuItem key={type} value={type}>{type}</MenuItem>)}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 2 }}>
            <TextField label="Record id" size="small" value={entityId} disabled={!entityType} onChange={(e) => change(setEntityId)(e.target.value)} />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField label="From day" type="date" size="small" value={from} onChange={(e) => change(setFrom)(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField label="To day" type="date" size="small" value={to} onChange={(e) => change(setTo)(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          </Grid>
          <Grid size={{ xs: 12, md: 3 }}>
            {actor
              ? <Chip label={`By ${actor.email}`} onDelete={() => change(setActor)(null)} />
              : <Typography variant="body2" color="text.secondary">Click an actor to see only their changes.</Typography>}
          </Grid>
        </Grid>
      </Paper>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !shown ? <Loading /> : page && page.items.length === 0 ? (
        <EmptyState title="No audit events match" />
      ) : page && (
        <>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="Audit events">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 40 }} />
                  <TableCell>When</TableCell>
                  <TableCell>Action</TableCell>
                  <TableCell>Record</TableCell>
                  <TableCell>By</TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Changed</TableCell>
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
                            <IconButton size="small" aria-label={expanded ? 'Hide changes' : 'Show changes'} onClick={() => setOpen(expanded ? null : event.id)}>
                              {expanded ? <KeyboardArrowUp /> : <KeyboardArrowDown />}
                            </IconButton>
                          )}
                        </TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.createdAt)}</TableCell>
                        <TableCell><Chip size="small" variant="outlined" label={event.action} /></TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{event.entityType} #{event.entityId}</TableCell>
                        <TableCell>
                          {event.actorEmail ? (
                            <Link component="button" variant="body2" underline="hover" sx={{ textAlign: 'left', wordBreak: 'break-all' }}
                              onClick={() => event.actorId && change(setActor)({ id: event.actorId, email: event.actorEmail! })}>
                              {event.actorEmail}
                            </Link>
                          ) : <Typography variant="body2" color="text.secondary">system</Typography>}
                          {event.actorRole && <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>{event.actorRole.toLowerCase()}</Typography>}
                        </TableCell>
                        <TableCell sx={{ display: { xs: 'none', md: 'table-cell' }, color: 'text.secondary' }}>{fields.join(', ') || '—'}</TableCell>
                      </TableRow>
                      {expanded && changes && (
                        <TableRow>
                          <TableCell colSpan={6} sx={{ py: 0 }}>
                            <Collapse in>
                              <Box sx={{ py: 1.5, pl: 6 }}>
                                <Table size="small" aria-label="Changes">
                                  <TableHead>
                                    <TableRow><TableCell>Field</TableCell><TableCell>Before</TableCell><TableCell>After</TableCell></TableRow>
                                  </TableHead>
                                  <TableBody>
                                    {Object.entries(changes).map(([field, value]) => (
                                      <TableRow key={field}>
                                        <TableCell>{field}</TableCell>
                                        <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{show(value?.before)}</TableCell>
                                        <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{show(value?.after)}</TableCell>
                                      </TableRow>
                                    ))}
                                  </TableBody>
                                </Table>
                                {event.requestId && <Typography variant="caption" color="text.secondary">Request {event.requestId}</Typography>}
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

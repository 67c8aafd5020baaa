// Bill a visit (admin): pick an unbilled checked-in or recently completed appointment, issue its invoice
// (or start a draft to add lines before the patient sees it).
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, Link, List, ListItem, ListItemButton,
  ListItemText, Switch, TextField, Typography,
} from '@mui/material';
import RadioButtonChecked from '@mui/icons-material/RadioButtonChecked';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import { Link as RouterLink } from 'react-router-dom';
import { DateTime } from 'luxon';
import { useEffect, useMemo, useState } from 'react';
import { ErrorState, Loading } from '../QueryState';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';

const BillableVisitsDocument = graphql(`
  query BillableVisits($checkedIn: AppointmentFilter!, $completed: AppointmentFilter!) {
    checkedIn: appointments(filter: $checkedIn, first: 100) {
      items { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }
    }
    completed: appointments(filter: $completed, first: 100) {
      items { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }
    }
  }
`);

const PickedVisitDocument = graphql(`
  query PickedVisit($id: ID!) {
    appointment(id: $id) { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }
  }
`);

const IssueInvoiceDocument = graphql(`
  mutation IssueInvoice($appointmentId: ID!) {
    issueInvoice(appointmentId: $appointmentId) { id number status }
  }
`);

const CreateDraftInvoiceDocument = graphql(`
  mutation CreateDraftInvoice($appointmentId: ID!) {
    createDraftInvoice(appointmentId: $appointmentId) { id number status }
  }
`);

/** How far back completed visits are offered. */
const LOOKBACK_DAYS = 14;

export function IssueInvoiceDialog(props: {
  open: boolean;
  /** A visit picked elsewhere (the appointments list). */
  appointmentId?: string | null;
  onClose(): void;
  onIssued(invoiceId: string): void;
}) {
  const { t } = useT();
  const [selected, setSelected] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [draft, setDraft] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const variables = useMemo(() => {
    const from = DateTime.now().minus({ days: LOOKBACK_DAYS }).startOf('day').toUTC().toISO()!;
    // unbilled: the server leaves out visits that already have a live invoice.
    return { checkedIn: { status: 'CHECKED_IN' as const, from, unbilled: true }, completed: { status: 'COMPLETED' as const, from, unbilled: true } };
    // Recomputed each time the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open]);
  const { data, loading, error, refetch } = useQuery(BillableVisitsDocument, { variables, skip: !props.open, fetchPolicy: 'network-only' });
  // A visit picked on the appointments list may be older than the look-back: load it on its own.
  const picked = useQuery(PickedVisitDocument, { variables: { id: props.appointmentId ?? '' }, skip: !props.open || !props.appointmentId });
  const [issue, issuing] = useMutation(IssueInvoiceDocument);
  const [createDraft, drafting] = useMutation(CreateDraftInvoiceDocument);

  useEffect(() => {
    if (!props.open) return;
    setSelected(props.appointmentId ?? null);
    setSearch('');
    setDraft(false);
    setFailure(null);
  }, [props.open, props.appointmentId]);

  const visits = useMemo(() => {
    const all = [...(data?.checkedIn.items ?? []), ...(data?.completed.items ?? [])]
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    const pickedVisit = picked.data?.appointment;
    if (pickedVisit && !all.some((visit) => visit.id === pickedVisit.id)) all.unshift(pickedVisit);
    const needle = search.trim().toLowerCase();
    if (!needle) return all;
    return all.filter((visit) =>
      [visit.patient.fullName, visit.patient.medicalRecordNumber, visit.doctor.fullName].some((text) => text.toLowerCase().includes(needle)));
  }, [data, search, picked.data]);

  // A visit picked elsewhere that is already billed: point to its invoice instead of failing.
  const billedPick = picked.data?.appointment?.id === selected ? picked.data?.appointment?.invoice ?? null : null;

  const submit = async () => {
    if (!selected || billedPick) return;
    setFailure(null);
    try {
      const result = draft
        ? (await createDraft({ variables: { appointmentId: selected } })).data?.createDraftInvoice
        : (await issue({ variables: { appointmentId: selected } })).data?.issueInvoice;
      if (result) props.onIssued(result.id);
    } catch (e) {
      setFailure(errorMessage(e));
      // Billed meanwhile (another desk): reload so the visit's invoice can be linked.
      if (props.appointmentId === selected) void picked.refetch();
      void refetch();
    }
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('Bill a visit')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {t("Checked-in visits and visits completed in the last {{count}} days. The invoice starts with the doctor's consultation fee.", { count: LOOKBACK_DAYS })}
        </DialogContentText>
        <TextField
          label={t('Find patient or doctor')}
          size="small"
          fullWidth
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          sx={{ mb: 1 }}
        />
        {error && <ErrorState error={error} onRetry={() => void refetch()} />}
        {loading && !data ? <Loading /> : data && visits.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 3, textAlign: 'center' }}>{t('No visits to bill.')}</Typography>
        ) : (
          <List dense sx={{ maxHeight: 320, overflowY: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }} aria-label={t('Visits to bill')}>
            {visits.map((visit) => (
              // A button per visit in its own list item, the radio mark only drawn (axe: list, nested-interactive).
              <ListItem key={visit.id} disablePadding>
              <ListItemButton selected={selected === visit.id} aria-pressed={selected === visit.id} onClick={() => setSelected(visit.id)}>
                {selected === visit.id
                  ? <RadioButtonChecked fontSize="small" color="primary" sx={{ mr: 1.5 }} aria-hidden />
                  : <RadioButtonUnchecked fontSize="small" sx={{ mr: 1.5, color: 'text.secondary' }} aria-hidden />}
                <ListItemText
                  primary={`${visit.patient.fullName} · ${visit.patient.medicalRecordNumber}`}
                  secondary={`${formatDateTime(visit.startsAt)} · ${visit.doctor.fullName}, ${visit.doctor.department.name}`}
                />
                <Chip size="small" variant="outlined" label={visit.invoice ? t('Billed: {{number}}', { number: visit.invoice.number }) : visit.status === 'CHECKED_IN' ? t('Checked in') : t('Completed')} />
              </ListItemButton>
              </ListItem>
            ))}
          </List>
        )}
        <FormControlLabel
          sx={{ mt: 1 }}
          control={<Switch checked={draft} onChange={(event) => setDraft(event.target.checked)} />}
          label={t('Start as a draft (add lines before the patient sees it)')}
        />
        {billedPick ? (
          <Alert severity="info" sx={{ mt: 1 }}>
            {t('This visit is already billed:')} <Link component={RouterLink} to={`/admin/billing/${billedPick.id}`} onClick={props.onClose}>{t('invoice {{number}}', { number: billedPick.number })}</Link>.
          </Alert>
        ) : failure && <Alert severity="error" sx={{ mt: 1 }}>{failure}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('Cancel')}</Button>
        <Button variant="contained" disabled={!selected || Boolean(billedPick) || issuing.loading || drafting.loading} onClick={() => void submit()}>
          {draft ? t('Create draft') : t('Issue invoice')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

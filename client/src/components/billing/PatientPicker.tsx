// Find a patient by name, record number or phone (admin filters and pickers).
import { useQuery } from '@apollo/client/react';
import { Autocomplete, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../i18n';

const PatientPickerDocument = graphql(`
  query PatientPicker($search: String) {
    patients(search: $search, first: 10) { items { id fullName medicalRecordNumber } }
  }
`);

export interface PickedPatient { id: string; fullName: string; medicalRecordNumber: string }

export function PatientPicker(props: { value: PickedPatient | null; onChange(patient: PickedPatient | null): void; label?: string; size?: 'small' | 'medium' }) {
  const { t } = useT();
  const [input, setInput] = useState('');
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  // Ask the server after typing pauses, not on every keystroke (nor when a pick fills the box).
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, loading } = useQuery(PatientPickerDocument, { variables: { search: search || null } });
  const options = data?.patients.items ?? [];
  return (
    <Autocomplete
      size={props.size}
      options={options}
      value={props.value}
      loading={loading}
      filterOptions={(all) => all}
      isOptionEqualToValue={(option, value) => option.id === value.id}
      getOptionLabel={(option) => `${option.fullName} · ${option.medicalRecordNumber}`}
      onChange={(_, value) => props.onChange(value)}
      inputValue={input}
      onInputChange={(_, value, reason) => { setInput(value); if (reason === 'input' || reason === 'clear') setTyped(value); }}
      renderInput={(params) => <TextField {...params} label={props.label ?? t('Patient')} placeholder={t('Name, record number or phone')} />}
    />
  );
}

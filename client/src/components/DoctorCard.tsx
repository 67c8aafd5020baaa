// A doctor as patients choose them: name, specialization, experience, fee.
import { Avatar, Box, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { formatMoney } from '../lib/format';
import { useT } from '../i18n';

export const DoctorCardFragment = graphql(`
  fragment DoctorCard_doctor on Doctor {
    id
    fullName
    specialization
    experienceYears
    about
    consultationFee { amount currency }
    department { id name }
  }
`);

export function initials(name: string): string {
  return name.replace(/^Dr\.?\s+/i, '').split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0]!.toUpperCase()).join('');
}

export function DoctorCard(props: { doctor: FragmentType<typeof DoctorCardFragment>; selected?: boolean; onSelect?: () => void }) {
  const { t } = useT();
  const doctor = getFragmentData(DoctorCardFragment, props.doctor);
  const content = (
    <CardContent>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Avatar sx={{ bgcolor: 'primary.light', width: 48, height: 48 }}>{initials(doctor.fullName)}</Avatar>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h6" component="h3">{doctor.fullName}</Typography>
          <Typography color="text.secondary">{doctor.specialization}</Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
            <Chip size="small" color="primary" variant="outlined" label={t('Fee {{fee}}', { fee: formatMoney(doctor.consultationFee) })} />
            {doctor.experienceYears != null && (
              <Chip size="small" variant="outlined" label={t("{{count}} years' experience", { count: doctor.experienceYears })} />
            )}
          </Stack>
          {doctor.about && <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>{doctor.about}</Typography>}
        </Box>
      </Stack>
    </CardContent>
  );
  return (
    <Card sx={{ height: '100%', borderColor: props.selected ? 'primary.main' : undefined, borderWidth: props.selected ? 2 : 1 }}>
      {props.onSelect ? <CardActionArea onClick={props.onSelect} sx={{ height: '100%' }}>{content}</CardActionArea> : content}
    </Card>
  );
}

import { useMutation } from '@apollo/client/react';
import { Alert, Button, Grid, Link, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, Navigate, useNavigate } from 'react-router-dom';
import { homeFor, useCurrentUser } from '../../auth/CurrentUser';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { blankToNull, useForm } from '../../lib/form';
import { GENDERS } from '../../lib/options';
import { AuthLayout } from './AuthLayout';

const SignUpDocument = graphql(`
  mutation SignUp($input: RegisterInput!) {
    register(input: $input) {
      token
      user { id role }
    }
  }
`);

export function SignUpPage() {
  const { user, signIn } = useCurrentUser();
  const navigate = useNavigate();
  const form = useForm({ email: '', password: '', fullName: '', phone: '', dateOfBirth: '', gender: '' });
  const [failure, setFailure] = useState<string | null>(null);
  const [register, { loading }] = useMutation(SignUpDocument);

  if (user) return <Navigate to={homeFor(user.role)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const { values } = form;
    try {
      const { data } = await register({
        variables: {
          input: {
            email: values.email,
            password: values.password,
            fullName: values.fullName,
            phone: blankToNull(values.phone),
            dateOfBirth: blankToNull(values.dateOfBirth),
            gender: blankToNull(values.gender),
          },
        },
      });
      if (!data) return;
      await signIn(data.register.token);
      navigate('/patient', { replace: true });
    } catch (error) {
      if (!form.showServerErrors(error)) setFailure(errorMessage(error));
    }
  };

  return (
    <AuthLayout title="Create your patient account" subtitle="Book visits with our doctors and keep your appointments in one place.">
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      <Stack component="form" spacing={2} onSubmit={submit} noValidate>
        <TextField label="Full name" autoComplete="name" required autoFocus {...form.field('fullName')} />
        <TextField label="Email" type="email" autoComplete="email" required {...form.field('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          {...form.field('password', 'At least 10 characters, mixing letters with digits or symbols')}
        />
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField label="Phone" type="tel" autoComplete="tel" {...form.field('phone')} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField label="Date of birth" type="date" slotProps={{ inputLabel: { shrink: true } }} {...form.field('dateOfBirth')} />
          </Grid>
        </Grid>
        <TextField select label="Gender" {...form.field('gender')}>
          <MenuItem value=""><em>Not stated</em></MenuItem>
          {GENDERS.map((gender) => <MenuItem key={gender} value={gender}>{gender}</MenuItem>)}
        </TextField>
        <Button type="submit" variant="contained" size="large" disabled={loading}>
          {loading ? 'Creating account…' : 'Create account'}
        </Button>
      </Stack>
      <Typography sx={{ mt: 3, textAlign: 'center' }} color="text.secondary">
        Already registered? <Link component={RouterLink} to="/sign-in">Sign in</Link>
      </Typography>
    </AuthLayout>
  );
}

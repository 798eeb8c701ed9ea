import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { signInInputSchema, signUpInputSchema, type SignInInput, type SignUpInput } from '@domain';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../app/errorMessage';
import { PageHeading } from '../../app/PageHeading';
import { useBackend } from '../../backend/BackendContext';
import { ForgotPasswordForm } from './ForgotPasswordForm';
import { ProviderSignIn } from './ProviderSignIn';

/**
 * Sign in, create an account, or (local backend) pick a demo account. It shows at whatever
 * address the person was on, so signing in goes back there; a session that ended without
 * signing out here says why.
 */
export function SignInPage() {
  const backend = useBackend();
  const [endReason] = useState(() => backend.sessionEndReason());
  return (
    <Stack maw={720} mx="auto">
      <PageHeading>Sign in to the support desk</PageHeading>
      {endReason && (
        <Alert color="yellow" role="status" title="Signed out">
          {endReason}
        </Alert>
      )}
      {backend.demoAccounts.length > 0 && <DemoAccounts />}
      {backend.signInProviders.length > 0 && <ProviderSignIn />}
      <Tabs defaultValue="sign-in" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sign-in">Sign in</Tabs.Tab>
          <Tabs.Tab value="sign-up">Create an account</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sign-in" pt="md">
          <SignInForm />
        </Tabs.Panel>
        <Tabs.Panel value="sign-up" pt="md">
          <SignUpForm />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function DemoAccounts() {
  const backend = useBackend();
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        Demo accounts
      </Title>
      <Text mb="xs">Try the desk as one of the demo accounts. Each tab can be someone else.</Text>
      {problem && <Alert color="red" role="alert">{problem}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {backend.demoAccounts.map((account) => (
          <Card key={account.uid} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap" align="center">
              {/* The text gives way (and wraps); the button keeps its whole label. */}
              <div style={{ minWidth: 0, flex: 1 }}>
                <Group gap={6}>
                  <Text fw={600}>{account.displayName}</Text>
                  <Badge size="xs" variant="light">
                    {account.role}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {account.blurb}
                </Text>
              </div>
              <Button
                size="xs"
                style={{ flexShrink: 0 }}
                aria-label={`Continue as ${account.displayName} (${account.role})`}
                onClick={() => backend.switchAccount(account.uid).catch((e: unknown) => setProblem(errorMessage(e)))}
              >
                Continue
              </Button>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

function SignInForm() {
  const backend = useBackend();
  const [problem, setProblem] = useState<string | null>(null);
  const [forgot, setForgot] = useState(false);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInInputSchema), defaultValues: { email: '', password: '' } });
  if (forgot) return <ForgotPasswordForm email={form.getValues('email')} onDone={() => setForgot(false)} />;
  const onSubmit = async (values: SignInInput) => {
    setProblem(null);
    await backend.signIn(values).catch((e: unknown) => setProblem(errorMessage(e)));
  };
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Sign in">
      <Stack maw={420}>
        {problem && <Alert color="red" role="alert">{problem}</Alert>}
        <TextInput label="Email" type="email" autoComplete="email" error={form.formState.errors.email?.message} {...form.register('email')} />
        <PasswordInput label="Password" autoComplete="current-password" error={form.formState.errors.password?.message} {...form.register('password')} />
        <Group justify="space-between">
          <Button type="submit" loading={form.formState.isSubmitting}>
            Sign in
          </Button>
          <Button variant="subtle" onClick={() => setForgot(true)}>
            Forgot password?
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SignUpForm() {
  const backend = useBackend();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpInputSchema),
    defaultValues: { displayName: '', email: '', password: '' },
  });
  const onSubmit = async (values: SignUpInput) => {
    setProblem(null);
    await backend.signUp(values).catch((e: unknown) => setProblem(errorMessage(e)));
  };
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Create an account">
      <Stack maw={420}>
        {problem && <Alert color="red" role="alert">{problem}</Alert>}
        <TextInput label="Your name" autoComplete="name" error={form.formState.errors.displayName?.message} {...form.register('displayName')} />
        <TextInput label="Email" type="email" autoComplete="email" error={form.formState.errors.email?.message} {...form.register('email')} />
        <PasswordInput label="Password" autoComplete="new-password" description="At least 8 characters" error={form.formState.errors.password?.message} {...form.register('password')} />
        <Button type="submit" loading={form.formState.isSubmitting}>
          Create account
        </Button>
      </Stack>
    </form>
  );
}

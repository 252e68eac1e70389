import { Anchor, Box, Button, Center, Code, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type { Me } from '../api/types';
import { useSignIn } from '../session';
import { ErrorNotice } from '../ui/bits';
import { Logo } from '../ui/Logo';

export function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn(me: Me): void }) {
  const signIn = useSignIn();
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(key.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box mih="100vh" bg="linear-gradient(160deg, var(--mantine-color-indigo-0), var(--mantine-color-gray-0) 60%)">
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="md" radius="lg" p={{ base: 'lg', sm: 36 }} w="100%" maw={440}>
          <form onSubmit={submit}>
            <Stack gap="md">
              <Logo size={32} />
              <div>
                <Title order={2} fz={24}>
                  Sign in to the console
                </Title>
                <Text c="dimmed" size="sm" mt={6}>
                  Paste an API key. On a new gateway, use the test key it printed on its first start (<Code>al_test_…</Code>).
                </Text>
              </div>
              {notice && <ErrorNotice error={new Error(notice)} title="Signed out" />}
              <PasswordInput
                label="API key"
                placeholder="al_test_…"
                value={key}
                onChange={(e) => setKey(e.currentTarget.value)}
                leftSection={<IconKey size={16} />}
                autoComplete="off"
                spellCheck={false}
                required
                autoFocus
              />
              <ErrorNotice error={error} />
              <Button type="submit" loading={busy} size="md" fullWidth>
                Sign in
              </Button>
              <Text size="xs" c="dimmed">
                The key stays in this browser tab only (session storage) and is sent as a bearer token; closing the tab signs you out. API reference:{' '}
                <Anchor href="/docs" size="xs">
                  /docs
                </Anchor>
                .
              </Text>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}

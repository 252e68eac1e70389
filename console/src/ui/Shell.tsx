import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconCoins, IconGauge, IconLogout, IconMessage, IconPhone, IconPhoneCall, IconWebhook } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useLink, useRoute } from '../router';
import { useSession } from '../session';
import { Logo } from './Logo';

const NAV = [
  { to: '/', label: 'Overview', icon: IconGauge },
  { to: '/numbers', label: 'Numbers', icon: IconPhone },
  { to: '/calls', label: 'Calls', icon: IconPhoneCall },
  { to: '/sms', label: 'SMS', icon: IconMessage },
  { to: '/credits', label: 'Credits', icon: IconCoins },
  { to: '/webhooks', label: 'Webhooks', icon: IconWebhook },
  { to: '/contacts', label: 'Contacts', icon: IconAddressBook },
];

export function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { me, test, readOnly, signOut } = useSession();
  const { path } = useRoute();
  const link = useLink();
  const active = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Logo />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} visibleFrom="xs" data-testid="workspace-name">
              {me.workspace.name}
            </Text>
            <Tooltip label={test ? 'Test mode: simulated carrier, test credits' : 'Live mode: real calls, real money'} withArrow>
              <Badge color={test ? 'orange' : 'green'} variant="filled" radius="sm" data-testid="mode-badge">
                {test ? 'Test' : 'Live'}
              </Badge>
            </Tooltip>
            {readOnly && (
              <Badge color="gray" variant="outline" radius="sm" data-testid="read-only-badge">
                Read-only
              </Badge>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {NAV.map((n) => (
              <NavLink
                key={n.to}
                component="a"
                {...link(n.to)}
                onClickCapture={close}
                label={n.label}
                leftSection={<n.icon size={18} stroke={1.6} />}
                active={active(n.to)}
                variant="light"
                style={{ borderRadius: 8 }}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap={4} p="xs">
            <Text size="xs" c="dimmed" hiddenFrom="xs">
              {me.workspace.name}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" truncate title={me.key.id}>
              {me.key.id}
            </Text>
            <Button variant="subtle" color="gray" size="xs" leftSection={<IconLogout size={14} />} onClick={() => signOut()} justify="flex-start">
              Sign out
            </Button>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>{children}</div>
      </AppShell.Main>
    </AppShell>
  );
}

import { Alert, Badge, Button, type ButtonProps, Center, Group, Loader, Paper, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useSession } from '../session';

/** The API's own message (and code and request id), never a generic "something went wrong". */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title ?? (e ? errorTitle(e) : 'Error')} role="alert">
      <Text size="sm" data-testid="api-error">
        {e ? e.message : String(error)}
      </Text>
      {e && (
        <Text size="xs" c="dimmed" mt={4}>
          {e.code}
          {e.status ? ` · HTTP ${e.status}` : ''}
          {e.requestId ? ` · ${e.requestId}` : ''}
        </Text>
      )}
    </Alert>
  );
}

function errorTitle(e: ApiError): string {
  if (e.status === 403) return 'Not allowed';
  if (e.status === 401) return 'Not signed in';
  if (e.status === 402) return 'Not enough credits';
  if (e.status === 404) return 'Not found';
  if (e.status === 422 || e.status === 400) return 'Check the form';
  if (e.status === 0) return 'Gateway unreachable';
  return 'The request failed';
}

export function EmptyState({ title, children, action, icon }: { title: string; children?: ReactNode; action?: ReactNode; icon?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="empty-state">
      <Stack align="center" gap="xs" py="md">
        <ThemeIcon size={48} radius="xl" variant="light" color="gray">
          {icon ?? <IconInbox size={26} />}
        </ThemeIcon>
        <Text fw={600}>{title}</Text>
        {children && (
          <Text size="sm" c="dimmed" ta="center" maw={460}>
            {children}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  );
}

export function Loading() {
  return (
    <Center py="xl">
      <Loader size="sm" />
    </Center>
  );
}

export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="sm">
      <div>
        <Title order={2} fz={{ base: 22, sm: 26 }}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm" mt={4}>
            {description}
          </Text>
        )}
      </div>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}

const STATUS_COLORS: Record<string, string> = {
  'in-progress': 'green',
  ringing: 'yellow',
  queued: 'gray',
  completed: 'blue',
  busy: 'orange',
  'no-answer': 'orange',
  failed: 'red',
  canceled: 'gray',
  active: 'green',
  released: 'gray',
  paused: 'yellow',
  disabled: 'red',
  succeeded: 'green',
  pending: 'yellow',
  delivered: 'green',
  sent: 'blue',
  received: 'teal',
  sending: 'yellow',
  undelivered: 'red',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant={status === 'in-progress' ? 'filled' : 'light'} radius="sm">
      {status === 'in-progress' ? '● live' : status}
    </Badge>
  );
}

/** A button that changes something: disabled, with the reason, for a read-only key. */
type WriteButtonProps = ButtonProps & { children?: ReactNode; onClick?: () => unknown; type?: 'submit' | 'button' };

export function WriteButton(props: WriteButtonProps) {
  const { readOnly } = useSession();
  if (!readOnly) return <Button {...props} />;
  return (
    <Tooltip label="This key is read-only: it can look, not change." withArrow>
      <Button {...props} disabled data-disabled-reason="read-only" onClick={undefined} />
    </Tooltip>
  );
}

export function LoadMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  if (!hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="default" onClick={onMore} loading={loading}>
        Load more
      </Button>
    </Center>
  );
}

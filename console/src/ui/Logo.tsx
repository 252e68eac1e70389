import { Group, Text } from '@mantine/core';

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="var(--mantine-color-indigo-6)" />
        <path d="M8 17c2-6 4-6 5 0s3 6 5 0 3-6 5-1" stroke="#fff" strokeWidth="2.6" fill="none" strokeLinecap="round" />
      </svg>
      <Text fw={700} size="lg" style={{ letterSpacing: -0.3 }}>
        Agentline
      </Text>
    </Group>
  );
}

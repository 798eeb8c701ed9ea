import { Alert, Box, Center, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoadingIndicator } from './LoadingIndicator';

/**
 * The page frame before anyone is signed in: the header as every page has it (the AppShell
 * header's height, border and padding), without navigation or account parts, and without
 * AppShell itself (that loads with the signed-in app). index.html paints the same header
 * before any script runs, so nothing moves when React takes over.
 */
export function ShellLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <Box component="header" h={56} px="md" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group h="100%">
          <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
            Support desk
          </Text>
        </Group>
      </Box>
      <Box component="main" p="md">
        {children}
      </Box>
    </>
  );
}

/** What shows while the backend opens (or the app loads): the shell, at once. */
export function StartingShell({ problem }: { problem?: string }) {
  return (
    <ShellLayout>
      {problem ? (
        <Alert color="red" role="alert" title="The support desk could not start">
          {problem}
        </Alert>
      ) : (
        <Center h="50vh">
          <LoadingIndicator label="Starting the support desk" />
        </Center>
      )}
    </ShellLayout>
  );
}

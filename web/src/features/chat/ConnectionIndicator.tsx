import { Badge, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useBackend } from '../../backend/BackendContext';
import type { Connectivity } from '../../backend/port';

const looks: Record<Connectivity, { label: string; color: string }> = {
  online: { label: 'Online', color: 'teal' },
  offline: { label: 'Offline', color: 'red' },
  syncing: { label: 'Syncing', color: 'yellow' },
};

/** Online, offline, or syncing (writes waiting to reach the server). */
export function ConnectionIndicator() {
  const backend = useBackend();
  const [state, setState] = useState<Connectivity>('online');
  useEffect(() => backend.subscribeConnectivity(setState), [backend]);
  const look = looks[state];
  return (
    <Badge color={look.color} variant="dot" role="status" aria-label={`Connection: ${look.label}`}>
      {/* At phone width the coloured dot alone, so the header keeps to one line. */}
      <Text span inherit visibleFrom="xs">
        {look.label}
      </Text>
    </Badge>
  );
}

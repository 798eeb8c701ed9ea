import { Box } from '@mantine/core';

/** The red dot: a message someone else wrote that the reader has not opened yet. */
export function UnreadDot() {
  return (
    <Box
      component="span"
      role="img"
      aria-label="Unread messages"
      display="block"
      w={10}
      h={10}
      bg="red.6"
      style={{ borderRadius: '50%', flex: '0 0 auto' }}
    />
  );
}

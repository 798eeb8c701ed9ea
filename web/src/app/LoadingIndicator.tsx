import { Loader, type LoaderProps } from '@mantine/core';

/**
 * Mantine's Loader is a bare span, and a name on a span without a role is not announced (axe:
 * aria-prohibited-attr). Shown while something loads, it is an indeterminate progress bar.
 */
export function LoadingIndicator({ label, ...props }: { label: string } & Omit<LoaderProps, 'aria-label' | 'role'>) {
  return <Loader role="progressbar" aria-label={label} {...props} />;
}

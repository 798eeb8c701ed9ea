import { Button } from '@mantine/core';
import classes from './SkipToContent.module.css';

/**
 * The first tab stop of every page: keyboard users jump past the header and navigation to
 * the page's heading. Hidden until focused.
 */
export function SkipToContent() {
  const skip = () => {
    const target = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main');
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
  };
  return (
    <Button className={classes.skip} onClick={skip}>
      Skip to content
    </Button>
  );
}

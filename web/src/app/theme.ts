import { createTheme } from '@mantine/core';
import focus from './focus.module.css';

/**
 * The desk's Mantine theme. Colours that text sits on or is written in come from
 * colorRoles.ts (its cssVariablesResolver goes to the MantineProvider beside this theme).
 * Component settings are plain objects, not Modal.extend(): importing the components here
 * would put them in the sign-in page's bundle.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 takes white text at AA (indigo 5.7:1, red 4.5:1, blue 5.0:1) in both schemes.
  primaryShade: { light: 8, dark: 8 },
  // Black or white text on filled backgrounds, whichever reads; 0.19 sits just above red-8
  // (0.183), which keeps white. colorRoles.test.ts checks every palette at AA.
  autoContrast: true,
  luminanceThreshold: 0.19,
  defaultRadius: 'md',
  focusClassName: focus.ring,
  respectReducedMotion: true,
  components: {
    // Every dialog's and toast's close button gets a name screen readers can announce.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Close' } },
      // A toast's text under its title is Mantine's grey 6 (3.3:1) otherwise.
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    },
    // Mantine's focus placeholder (a tabindex div inside role="menu") is not a menu item:
    // without it focus goes to the first item, as the menu pattern expects.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    Input: { classNames: { input: focus.field } },
    Switch: { classNames: { root: focus.switchRoot, input: focus.switchInput, track: focus.switchTrack } },
    SegmentedControl: {
      classNames: { root: focus.segmentRoot, input: focus.segmentInput, label: focus.segmentLabel },
    },
  },
});

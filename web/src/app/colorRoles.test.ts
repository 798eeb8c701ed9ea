import { DEFAULT_THEME, getContrastColor, getPrimaryShade, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { NON_TEXT_CONTRAST, TEXT_CONTRAST, contrast, cssVariablesResolver, everySurface, surfacesFor } from './colorRoles';
import { theme as desk } from './theme';

const theme = mergeMantineTheme(DEFAULT_THEME, desk);
const variables = cssVariablesResolver(theme);
const schemes = ['light', 'dark'] as const;
const colors = Object.keys(theme.colors);

/** A variable's value as a colour, following Mantine's `var(--mantine-color-x-n)` references. */
function resolve(value: string): string {
  const reference = /^var\(--mantine-color-([a-z]+)-(\d)\)$/.exec(value);
  return reference ? theme.colors[reference[1]!]![Number(reference[2])]! : value;
}

function expectContrast(role: string, color: string, surfaces: readonly string[], ratio: number) {
  for (const surface of surfaces) {
    expect(contrast(color, surface), `${role} ${color} on ${surface}`).toBeGreaterThanOrEqual(ratio);
  }
}

describe.each(schemes)('colour roles in the %s scheme', (scheme) => {
  const role = (name: `--${string}`) => resolve(variables[scheme][name]!);

  it.each(colors)('%s text reads at AA on the body, cards, hovered rows and its own tints', (color) => {
    for (const variant of ['text', 'light-color', 'outline']) {
      expectContrast(`${color}-${variant}`, role(`--mantine-color-${color}-${variant}`), surfacesFor(theme, scheme, color), TEXT_CONTRAST);
    }
  });

  it('secondary text and placeholders read at AA on every surface, tinted ones included', () => {
    expectContrast('dimmed', role('--mantine-color-dimmed'), everySurface(theme, scheme), TEXT_CONTRAST);
    expectContrast('placeholder', role('--mantine-color-placeholder'), everySurface(theme, scheme), TEXT_CONTRAST);
  });

  it('errors, success and links read at AA', () => {
    expectContrast('error', role('--mantine-color-error'), surfacesFor(theme, scheme, 'red'), TEXT_CONTRAST);
    expectContrast('success', role('--mantine-color-success'), surfacesFor(theme, scheme, 'teal'), TEXT_CONTRAST);
    expectContrast('anchor', role('--mantine-color-anchor'), surfacesFor(theme, scheme, theme.primaryColor), TEXT_CONTRAST);
  });

  it('the focus ring stands out at 3:1 from every surface', () => {
    expectContrast('focus ring', role('--desk-focus-ring'), everySurface(theme, scheme), NON_TEXT_CONTRAST);
  });

  it.each(colors)('filled %s takes black or white text at AA (autoContrast)', (color) => {
    const shade = theme.colors[color]![getPrimaryShade(theme, scheme)]!;
    const text = getContrastColor({ color: shade, theme }) === 'var(--mantine-color-black)' ? theme.black : theme.white;
    expectContrast(`text on filled ${color}`, text, [shade], TEXT_CONTRAST);
  });
});

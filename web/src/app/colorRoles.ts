import {
  darken,
  lighten,
  luminance,
  type CSSVariablesResolver,
  type MantineColorScheme,
  type MantineColorsTuple,
  type MantineTheme,
} from '@mantine/core';

/** WCAG 2.x AA: normal-size text, and the parts of controls (focus rings, borders) that matter. */
export const TEXT_CONTRAST = 4.5;
export const NON_TEXT_CONTRAST = 3;

/** Luminance by colour: the resolver below compares the same few surfaces thousands of times. */
const luminances = new Map<string, number>();
function cachedLuminance(color: string): number {
  let value = luminances.get(color);
  if (value === undefined) {
    value = luminance(color);
    luminances.set(color, value);
  }
  return value;
}

/** WCAG 2.x contrast ratio of two colours Mantine can parse (hex, rgb, rgba). */
export function contrast(a: string, b: string): number {
  const [lighter, darker] = [cachedLuminance(a), cachedLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

type Scheme = Exclude<MantineColorScheme, 'auto'>;

/** What always reads on a scheme's surfaces, should no shade of a palette do. */
const extremes: Record<Scheme, string> = { light: '#000000', dark: '#ffffff' };

/** The body, cards and hovered rows of a scheme, as Mantine paints them. */
function neutralSurfaces(theme: MantineTheme, scheme: Scheme): string[] {
  const { gray, dark } = theme.colors;
  return scheme === 'light' ? [theme.white, gray[0], gray[1]] : [dark[7], dark[6], dark[5]];
}

/** A hue's "light" variant backgrounds, at rest and hovered (badges, light buttons, active nav links, notes). */
function tints(palette: MantineColorsTuple, scheme: Scheme): string[] {
  return scheme === 'light' ? [palette[1], palette[2]] : [darken(palette[9], 0.5), darken(palette[9], 0.3)];
}

/** Where text in one colour sits: the neutral surfaces and that colour's own tints. */
export function surfacesFor(theme: MantineTheme, scheme: Scheme, color: string): string[] {
  return [...neutralSurfaces(theme, scheme), ...tints(theme.colors[color]!, scheme)];
}

/** Where grey captions and focus rings sit: the neutral surfaces and every hue's tints. */
export function everySurface(theme: MantineTheme, scheme: Scheme): string[] {
  // Mantine's `dark` palette is the dark scheme's greys, not a hue.
  const hues = Object.entries(theme.colors).filter(([name]) => name !== 'dark');
  return [...neutralSurfaces(theme, scheme), ...hues.flatMap(([, palette]) => tints(palette, scheme))];
}

/**
 * The most colourful shade of `palette` that reaches `ratio` on every one of `surfaces`
 * (dark shades first in the light scheme, light ones in the dark), nudged towards black or
 * white by up to 10% where a shade falls just short; failing all, the last shade pushed
 * further (yellow on white).
 */
function readableShade(palette: MantineColorsTuple, surfaces: readonly string[], scheme: Scheme, ratio: number): string {
  const reads = (color: string) => surfaces.every((surface) => contrast(color, surface) >= ratio);
  const push = (color: string, amount: number) => (scheme === 'light' ? darken(color, amount) : lighten(color, amount));
  const order = scheme === 'light' ? [6, 7, 8, 9] : [6, 5, 4, 3, 2, 1, 0];
  for (const index of order) {
    for (let amount = 0; amount <= 0.1; amount += 0.02) {
      const candidate = amount === 0 ? palette[index]! : push(palette[index]!, amount);
      if (reads(candidate)) return candidate;
    }
  }
  const last = palette[order.at(-1)!]!;
  for (let amount = 0.15; amount < 1; amount += 0.05) {
    if (reads(push(last, amount))) return push(last, amount);
  }
  return extremes[scheme];
}

/** Text in a theme colour (`c="red"`, outline and light variants) that reads at AA where it sits. */
export function inkFor(theme: MantineTheme, scheme: Scheme, color: string): string {
  return readableShade(theme.colors[color]!, surfacesFor(theme, scheme, color), scheme, TEXT_CONTRAST);
}

/** A focus ring that stands out at 3:1 from every surface. */
export function focusRingFor(theme: MantineTheme, scheme: Scheme): string {
  return readableShade(theme.colors[theme.primaryColor]!, everySurface(theme, scheme), scheme, NON_TEXT_CONTRAST);
}

/** Secondary ("dimmed") text: the lightest grey that still reads at AA on every surface. */
export function dimmedFor(theme: MantineTheme, scheme: Scheme): string {
  const greys = scheme === 'light' ? theme.colors.gray : theme.colors.dark;
  return readableShade(greys, everySurface(theme, scheme), scheme, TEXT_CONTRAST);
}

function schemeVariables(theme: MantineTheme, scheme: Scheme): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const color of Object.keys(theme.colors)) {
    const ink = inkFor(theme, scheme, color);
    variables[`--mantine-color-${color}-text`] = ink;
    variables[`--mantine-color-${color}-outline`] = ink;
    variables[`--mantine-color-${color}-light-color`] = ink;
  }
  const dimmed = dimmedFor(theme, scheme);
  return {
    ...variables,
    '--mantine-color-dimmed': dimmed,
    // A placeholder tells what to type (e.g. that Enter sends), so it must read like text.
    '--mantine-color-placeholder': dimmed,
    '--mantine-color-error': inkFor(theme, scheme, 'red'),
    '--mantine-color-success': inkFor(theme, scheme, 'teal'),
    '--mantine-color-anchor': inkFor(theme, scheme, theme.primaryColor),
    '--desk-focus-ring': focusRingFor(theme, scheme),
  };
}

const resolvedByTheme = new WeakMap<MantineTheme, ReturnType<CSSVariablesResolver>>();

/**
 * Mantine's colour roles with every text colour at WCAG AA in both schemes (its defaults put
 * grey secondary text at 3.3:1 and yellow or orange text near 2:1). Filled backgrounds keep
 * Mantine's shades; the theme's autoContrast picks black or white text on them.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  // Worked out once per theme (some thousands of contrast checks), whenever the provider asks.
  let resolved = resolvedByTheme.get(theme);
  if (!resolved) {
    resolved = { variables: {}, light: schemeVariables(theme, 'light'), dark: schemeVariables(theme, 'dark') };
    resolvedByTheme.set(theme, resolved);
  }
  return resolved;
};

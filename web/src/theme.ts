import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const care: MantineColorsTuple = [
  '#e3f6f8',
  '#c4eaef',
  '#9fdce4',
  '#74cbd6',
  '#4fb8c6',
  '#2fa3b3',
  '#1a8c9c',
  '#0f7482',
  '#0b5f6b',
  '#084a54',
];

export const theme = createTheme({
  colors: { care },
  primaryColor: 'care',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontWeight: '700',
    sizes: { h1: { fontSize: 'clamp(1.75rem, 1.4rem + 1.6vw, 2.25rem)', lineHeight: '1.25' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-placeholder': '#6c737a',
    '--mantine-color-yellow-light-color': '#7a4a00',
    '--mantine-color-red-light-color': '#a51d1d',
    '--mantine-color-green-light-color': '#1f6b30',
  },
  dark: {},
});

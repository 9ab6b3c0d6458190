/**
 * Colours and text styles for charts, light and dark. Accents follow the Okabe–Ito palette, which
 * stays distinct for the common kinds of colour blindness; meaning never rests on colour alone
 * (highlighted bars also carry a hatch pattern and a label, lines differ in dash as well as colour).
 */
export interface ChartTheme {
  dark: boolean;
}

export interface ChartPalette {
  text: string;
  muted: string;
  axis: string;
  grid: string;
  /** The main series (Okabe–Ito blue / sky blue). */
  primary: string;
  /** What a chart draws attention to (Okabe–Ito vermillion / orange). */
  highlight: string;
  /** A reference line (the diagonal, "chance"). */
  reference: string;
  /** Marker lines on a histogram (Okabe–Ito reddish purple / bluish green). */
  marker: string;
  /** The hatch drawn over highlighted bars. */
  hatch: string;
  /** Heatmap ramp, light to strong, and the label colours that read on each end. */
  ramp: [string, string];
  onLight: string;
  onStrong: string;
}

const LIGHT: ChartPalette = {
  text: '#1c2330',
  muted: '#596273',
  axis: '#8a93a3',
  grid: '#e3e6ec',
  primary: '#0072b2',
  highlight: '#d55e00',
  reference: '#596273',
  marker: '#a8558a',
  hatch: 'rgba(255, 255, 255, 0.55)',
  ramp: ['#eaf3fa', '#0b5fad'],
  onLight: '#1c2330',
  onStrong: '#ffffff',
};

const DARK: ChartPalette = {
  text: '#e7eaf0',
  muted: '#a3abba',
  axis: '#6b7486',
  grid: '#2e3440',
  primary: '#56b4e9',
  highlight: '#e69f00',
  reference: '#a3abba',
  marker: '#cc79a7',
  hatch: 'rgba(0, 0, 0, 0.45)',
  ramp: ['#1f2a38', '#56b4e9'],
  onLight: '#e7eaf0',
  onStrong: '#0d1620',
};

export const paletteFor = (theme: ChartTheme): ChartPalette => (theme.dark ? DARK : LIGHT);

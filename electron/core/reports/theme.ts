/** The document's palette and type, shared by the stylesheet, the charts and the PDF footer. */
export const chartTheme = {
  font: '"Inter", "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif',
  ink: '#0f172a',
  muted: '#64748b',
  grid: '#e2e8f0',
  primary: '#1d4ed8',
  secondary: '#0d9488',
  light: '#93c5fd',
  heat: ['#edf1f7', '#c7d7f4', '#8fb0ea', '#4f80dc', '#1d4ed8'],
} as const

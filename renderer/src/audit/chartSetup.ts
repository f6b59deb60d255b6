import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

// Only the parts the audit draws, so the bundle carries no other chart types. Registering twice is harmless.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
// The app's own font stack (system fonts only): no font is ever fetched, as the CSP's font-src 'self' requires.
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

/** Chart.js with the audit's chart types registered. */
export { Chart };

/** The series colours of the audit's charts: named, anonymous, without a speaker (contrast checked against white). */
export const seriesColours = { named: '#1f5fbf', anonymous: '#b45309', unattributed: '#6b7280' } as const;

/**
 * Options every audit chart shares: no animation (a report is read, not watched, and a test sees the final
 * frame at once), sized by its container.
 */
export const baseChartOptions = {
  animation: false as const,
  responsive: true,
  maintainAspectRatio: false,
  plugins: { legend: { position: 'bottom' as const } },
};

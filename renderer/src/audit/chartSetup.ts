import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

// Only the parts the audit draws, so the bundle carries no other chart types. Registering twice is harmless.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Chart.js with the audit's chart types registered. */
export { Chart };

/** The series colours of the audit's charts: named, anonymous, without a speaker (contrast checked against white). */
export const seriesColours = { named: '#1f5fbf', anonymous: '#b45309', unattributed: '#6b7280' } as const;

/**
 * Options every audit chart shares: no animation (a report is read, not watched, and a test sees the final
 * frame at once), sized by its container, the app's own fonts (no remote font is ever fetched).
 */
export const baseChartOptions = {
  animation: false as const,
  responsive: true,
  maintainAspectRatio: false,
  font: { family: 'system-ui, sans-serif' },
  plugins: { legend: { position: 'bottom' as const } },
};

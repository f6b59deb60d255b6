import type { KeyboardEvent } from 'react';

/**
 * Arrow keys in a table of rows that each lead somewhere: Up and Down move the focus to the first button of the row
 * above or below, Home and End to the first and last row. Enter then opens it, as the button does.
 */
export function moveBetweenRows(event: KeyboardEvent<HTMLElement>): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const rows = [...event.currentTarget.querySelectorAll('tbody tr')];
  const targets = rows.map((row) => row.querySelector<HTMLButtonElement>('button')).filter((button): button is HTMLButtonElement => button !== null);
  const current = targets.findIndex((button) => button.closest('tr')?.contains(document.activeElement));
  if (targets.length === 0 || current < 0) return;
  const next = event.key === 'Home' ? 0 : event.key === 'End' ? targets.length - 1 : Math.min(targets.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)));
  event.preventDefault();
  targets[next]!.focus();
}

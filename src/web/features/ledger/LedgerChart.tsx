import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import type { LedgerIndicator } from '../../../contracts/ledger.ts';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

/**
 * An indicator over time against its target, drawn by Chart.js: the partners' total per period as bars, the
 * target as a line. The table beside it holds the same figures for screen readers and for copying; the picture
 * is named by a one-sentence summary.
 */
export function LedgerChart(props: {
  indicator: LedgerIndicator;
  labels: { total: string; target: string; summary: string };
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { indicator, labels } = props;
  useEffect(() => {
    if (!canvas.current) return;
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: indicator.series.map((p) => p.period),
        datasets: [
          {
            type: 'bar',
            label: labels.total,
            data: indicator.series.map((p) => (p.partners ? p.total : null)),
            backgroundColor: '#0b5f6b',
          },
          {
            type: 'line',
            label: labels.target,
            data: indicator.series.map((p) => p.target),
            borderColor: '#a3261c',
            backgroundColor: '#a3261c',
            borderDash: [6, 4],
            spanGaps: true,
          },
        ],
      },
      options: {
        animation: reduced ? false : undefined,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [indicator, labels.total, labels.target]);
  return (
    <div className="ledger-chart">
      <canvas ref={canvas} role="img" aria-label={labels.summary} />
    </div>
  );
}

/**
 * A bar, column, stacked, donut, pie or line chart drawn with chart.js on a canvas, from a chart view of the
 * dashboard or report model. The canvas is an image to assistive technology, named by `summary`; a visually
 * hidden table beside it gives every figure.
 */
import { LightningElement, api } from 'lwc';
import { Chart } from 'chart.js/auto';
import type { ChartView } from '../dashboardPage/dashboardModel';

/** Colours in the order Salesforce's default (unity) palette uses. */
export const PALETTE = ['#52B7D8', '#E16032', '#FFB03B', '#54A77B', '#4FD2D2', '#E287B2', '#7A7AFF', '#A3A3A3'];

export default class ShellChart extends LightningElement {
  @api summary = '';
  @api caption = '';
  private current: ChartView | undefined;
  private chart: Chart | undefined;
  private drawn = false;

  @api
  get view(): ChartView | undefined {
    return this.current;
  }
  set view(value: ChartView | undefined) {
    this.current = value;
    if (this.drawn) this.draw();
  }

  get categories(): string[] {
    return this.current?.data.categories ?? [];
  }

  get seriesHeaders(): { key: string; label: string }[] {
    return (this.current?.data.series ?? []).map((s, i) => ({ key: `s${i}`, label: s.label }));
  }

  get tableRows(): { key: string; label: string; cells: { key: string; text: string }[] }[] {
    const series = this.current?.data.series ?? [];
    return this.categories.map((label, i) => ({
      key: `c${i}`,
      label,
      cells: series.map((s, j) => ({ key: `s${j}`, text: s.values[i].toLocaleString('en-US') })),
    }));
  }

  renderedCallback(): void {
    if (this.drawn) return;
    this.drawn = true;
    this.draw();
  }

  disconnectedCallback(): void {
    this.chart?.destroy();
    this.chart = undefined;
    this.drawn = false;
  }

  private draw(): void {
    const host = this.template?.querySelector<HTMLElement>('[data-id="canvas-host"]');
    const view = this.current;
    if (!host || !view) return;
    this.chart?.destroy();
    host.replaceChildren();
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', this.summary);
    host.appendChild(canvas);
    const round = view.type === 'doughnut' || view.type === 'pie';
    const single = view.data.series.length === 1;
    this.chart = new Chart(canvas, {
      type: view.type,
      data: {
        // Plain copies: chart.js marks its arrays, and the view arrives as LWC's read-only proxy.
        labels: [...view.data.categories],
        datasets: view.data.series.map((s, i) => ({
          label: s.label,
          data: [...s.values],
          backgroundColor: round
            ? view.data.categories.map((_, c) => PALETTE[c % PALETTE.length])
            : PALETTE[i % PALETTE.length],
          borderColor: round ? '#fff' : PALETTE[i % PALETTE.length],
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: view.horizontal ? 'y' : 'x',
        plugins: {
          legend: {
            display: view.legend !== 'none' && (round || !single || view.stacked),
            // A legend on the right leaves a narrow chart (a phone's) no room: below it there.
            position: view.legend === 'right' && host.clientWidth >= 480 ? 'right' : 'bottom',
          },
        },
        scales: round
          ? {}
          : {
              x: { stacked: view.stacked, ticks: { autoSkip: true } },
              y: { stacked: view.stacked, ticks: { autoSkip: true } },
            },
      },
    });
  }
}

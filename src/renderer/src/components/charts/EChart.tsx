import { useEffect, useRef } from 'react';
import type { ChartOption } from '../../../../shared/charts';
import { echarts } from './echarts-setup';

interface Props {
  option: ChartOption;
  /** Height in pixels (the width follows the container). */
  height: number;
  /** A short visible caption; screen readers get the builder's full description (aria-label). */
  caption?: string;
  testId?: string;
}

/** Charts this far below (or above) the window are drawn before they scroll into view. */
const AHEAD = '600px';

/**
 * Charts waiting to be drawn, one per task: charts that come near the window together (their
 * observers fire in the same task) would otherwise be drawn in one long task.
 */
const waiting: (() => void)[] = [];
let scheduled = false;

/**
 * The first chart a window draws costs two to three times the next (ECharts' code compiled and its
 * text measuring warmed on first use: 145 ms against 61 ms for a 30-bar chart, measured on a
 * 1M-row report). One small chart, drawn off screen and thrown away when the window is first idle,
 * pays that before any report needs a chart.
 */
function warmUp(): void {
  const el = document.createElement('div');
  el.setAttribute('aria-hidden', 'true');
  el.style.cssText = 'position:fixed;left:-10000px;top:0;width:480px;height:240px;visibility:hidden';
  document.body.append(el);
  try {
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    const labels = Array.from({ length: 12 }, (_, i) => `value ${i}`);
    instance.setOption({ animation: false, xAxis: { type: 'category', data: labels }, yAxis: { type: 'value', name: 'rows' }, tooltip: {}, series: [{ type: 'bar', data: labels.map((_, i) => i * 10) }] });
    instance.dispose();
  } finally {
    el.remove();
  }
}
if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  const whenIdle = (window as { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number }).requestIdleCallback;
  if (whenIdle) whenIdle(warmUp, { timeout: 5000 });
  else setTimeout(warmUp, 1000);
}

function drawSoon(draw: () => void): void {
  waiting.push(draw);
  if (scheduled) return;
  scheduled = true;
  const next = (): void => {
    waiting.shift()?.();
    if (waiting.length > 0) setTimeout(next, 0);
    else scheduled = false;
  };
  setTimeout(next, 0);
}

/** The builder's description of the chart (src/shared/charts/base.ts puts it in option.aria). */
function descriptionOf(option: ChartOption): string | undefined {
  const aria = (option as { aria?: { label?: { description?: unknown } } }).aria;
  return typeof aria?.label?.description === 'string' ? aria.label.description : undefined;
}

/**
 * Mounts an ECharts option on a canvas: init when the chart comes near the window, one chart per
 * task (a report with dozens of charts would otherwise draw them all at once and freeze the window
 * for a second),
 * setOption when the option changes, resize with the container, dispose on unmount. All the
 * chart's content comes from the pure builders in src/shared/charts; its text alternative is set
 * here from the first render, so a chart not drawn yet is still described.
 */
export function EChart({ option, height, caption, testId = 'chart' }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init>>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let resize: ResizeObserver | undefined;
    let gone = false;
    const draw = (): void => {
      if (chart.current || gone) return;
      const instance = echarts.init(el, undefined, { renderer: 'canvas' });
      chart.current = instance;
      instance.setOption(latest.current, { notMerge: true });
      resize = new ResizeObserver(() => instance.resize());
      resize.observe(el);
    };
    const near = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        near.disconnect();
        drawSoon(draw);
      }
    }, { rootMargin: AHEAD });
    near.observe(el);
    return () => {
      gone = true;
      near.disconnect();
      resize?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    chart.current?.resize();
  }, [height]);

  return (
    <figure className="chart" data-testid={testId}>
      {caption ? <figcaption className="chart__caption">{caption}</figcaption> : null}
      <div ref={box} className="chart__canvas" style={{ height }} role="img" aria-label={descriptionOf(option) ?? caption} data-testid="chart-canvas" />
    </figure>
  );
}

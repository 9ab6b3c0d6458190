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

/** The builder's description of the chart (src/shared/charts/base.ts puts it in option.aria). */
function descriptionOf(option: ChartOption): string | undefined {
  const aria = (option as { aria?: { label?: { description?: unknown } } }).aria;
  return typeof aria?.label?.description === 'string' ? aria.label.description : undefined;
}

/**
 * Mounts an ECharts option on a canvas: init when the chart comes near the window (a report with
 * dozens of charts would otherwise draw them all at once and freeze the window for a second),
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
    const draw = (): void => {
      if (chart.current) return;
      const instance = echarts.init(el, undefined, { renderer: 'canvas' });
      chart.current = instance;
      instance.setOption(latest.current, { notMerge: true });
      resize = new ResizeObserver(() => instance.resize());
      resize.observe(el);
    };
    const near = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        near.disconnect();
        draw();
      }
    }, { rootMargin: AHEAD });
    near.observe(el);
    return () => {
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

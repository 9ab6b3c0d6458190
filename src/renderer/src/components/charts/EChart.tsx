import { useEffect, useRef } from 'react';
import type { ChartOption } from '../../../../shared/charts';
import { echarts } from './echarts-setup';

interface Props {
  option: ChartOption;
  /** Height in pixels (the width follows the container). */
  height: number;
  /** A short visible caption; screen readers get the builder's full description (aria-label, set by ECharts). */
  caption?: string;
  testId?: string;
}

/**
 * Mounts an ECharts option on a canvas: init once, setOption when the option changes, resize
 * with the container, dispose on unmount. All the chart's content comes from the pure builders
 * in src/shared/charts.
 */
export function EChart({ option, height, caption, testId = 'chart' }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init>>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
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
      <div ref={box} className="chart__canvas" style={{ height }} role="img" data-testid="chart-canvas" />
    </figure>
  );
}

import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartClick {
  seriesIndex?: number;
  dataIndex: number;
  name: string;
}

/** An ECharts chart that follows its options and its container's size; `onClick` makes its items links. */
export function Chart({
  option,
  height = 280,
  theme,
  onClick,
}: {
  option: echarts.EChartsCoreOption;
  height?: number;
  theme?: 'dark';
  onClick?: (e: ChartClick) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>();
  useEffect(() => {
    if (!ref.current) return;
    // A chart is an image to a screen reader: it is named by its card's title (axe: role-img-alt).
    const title = ref.current.closest('.ant-card')?.querySelector('.ant-card-head-title')?.textContent;
    ref.current.setAttribute('aria-label', title || document.title);
    chart.current = echarts.init(ref.current, theme);
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
    };
  }, [theme]);
  useEffect(() => chart.current?.setOption(option, true), [option, theme]);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    const handler = (e: unknown) => click.current?.(e as ChartClick);
    c.on('click', handler);
    return () => void c.off('click', handler);
  }, [theme, Boolean(onClick)]);
  return <div ref={ref} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} role="img" />;
}

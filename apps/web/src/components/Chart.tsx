import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** An ECharts chart that follows its options and its container's size. */
export function Chart({ option, height = 280, theme }: { option: echarts.EChartsCoreOption; height?: number; theme?: 'dark' }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>();
  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current, theme);
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
    };
  }, [theme]);
  useEffect(() => chart.current?.setOption(option, true), [option, theme]);
  return <div ref={ref} style={{ width: '100%', height }} role="img" />;
}

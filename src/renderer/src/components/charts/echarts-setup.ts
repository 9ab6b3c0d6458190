/**
 * The parts of ECharts the app uses, registered once (keeps the bundle to what is drawn).
 * Canvas renderer only: charts are pictures; their meaning is in the aria description and the
 * finding's text.
 */
import { BarChart, BoxplotChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, BoxplotChart, LineChart, HeatmapChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, MarkLineComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };

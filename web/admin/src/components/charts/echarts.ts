import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';

/** Only the parts the dashboard draws, so the chunk stays small. */
use([CanvasRenderer, BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent]);

export const palette = ['#c8161d', '#e6792b', '#f0b429', '#3a7bd5', '#2f9e8f', '#7c5cc4', '#8a94a6'];

import { PanelPlugin } from '@grafana/data';
import { BreakdownPanel } from './BreakdownPanel';
import { addOptions, BreakdownOptions } from './options';

export const plugin = new PanelPlugin<BreakdownOptions>(BreakdownPanel).setPanelOptions(addOptions);

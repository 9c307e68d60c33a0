import { PanelPlugin } from '@grafana/data';
import { BreakdownPanel } from './BreakdownPanel';

export const plugin = new PanelPlugin(BreakdownPanel);

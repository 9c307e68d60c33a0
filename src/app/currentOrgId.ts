/** The Grafana organisation the user is signed in to, from Grafana's boot data (links to Explore name it). */
import { config } from '@grafana/runtime';

export const currentOrgId = (): number => config.bootData.user.orgId;

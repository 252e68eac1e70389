import type { CrmDeps } from '../crm/crm-deps.js';
import type { CampaignSender } from './campaigns/campaign-sender.js';

export interface MarketingDeps extends CrmDeps {
  /** The background SMS campaign sender, woken by each send. */
  sender: CampaignSender;
}

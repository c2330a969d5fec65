import { HttpClient, httpResource, type HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AlertEvent,
  AlertRule,
  AlertRuleInput,
  Delivery,
  Subscription,
  SubscriptionInput,
} from '@returnlens/shared/contracts';
import type { AdminUser } from '@returnlens/web/shared/data-access';
import { firstValueFrom } from 'rxjs';

const API = '/api';
const id = (value: string) => encodeURIComponent(value);
const allParams = (all: boolean): Record<string, number> => (all ? { all: 1 } : {});

/** Digests, alert rules and their deliveries (`/api/subscriptions`, `/api/alerts`, `/api/deliveries`). */
@Injectable({ providedIn: 'root' })
export class NotifyApi {
  private readonly http = inject(HttpClient);

  /** Mine, or — `all()` true, owner/admin — everyone's. */
  subscriptionsResource(all: () => boolean): HttpResourceRef<Subscription[] | undefined> {
    return httpResource<Subscription[]>(() => ({
      url: `${API}/subscriptions`,
      params: allParams(all()),
    }));
  }

  deliveriesResource(
    query: () => { all: boolean; limit: number },
  ): HttpResourceRef<Delivery[] | undefined> {
    return httpResource<Delivery[]>(() => {
      const q = query();
      const params: Record<string, number> = { limit: q.limit };
      if (q.all) params['all'] = 1;
      return { url: `${API}/deliveries`, params };
    });
  }

  alertsResource(all: () => boolean): HttpResourceRef<AlertRule[] | undefined> {
    return httpResource<AlertRule[]>(() => ({
      url: `${API}/alerts`,
      params: allParams(all()),
    }));
  }

  eventsResource(limit: number, all: () => boolean): HttpResourceRef<AlertEvent[] | undefined> {
    return httpResource<AlertEvent[]>(() => ({
      url: `${API}/alerts/events`,
      params: { limit, ...allParams(all()) },
    }));
  }

  /** The users an owner/admin may subscribe (`GET /api/admin/users`); none asked otherwise. */
  usersResource(enabled: () => boolean): HttpResourceRef<AdminUser[] | undefined> {
    return httpResource<AdminUser[]>(() => (enabled() ? `${API}/admin/users` : undefined));
  }

  /** The rendered digest, as the subscriber would receive it now (opened in a new tab). */
  previewUrl(subscriptionId: string): string {
    return `${API}/subscriptions/${id(subscriptionId)}/preview`;
  }

  createSubscription(input: SubscriptionInput): Promise<Subscription> {
    return firstValueFrom(this.http.post<Subscription>(`${API}/subscriptions`, input));
  }

  updateSubscription(
    subscriptionId: string,
    change: Partial<SubscriptionInput> & { paused?: boolean },
  ): Promise<Subscription> {
    return firstValueFrom(
      this.http.patch<Subscription>(`${API}/subscriptions/${id(subscriptionId)}`, change),
    );
  }

  deleteSubscription(subscriptionId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${API}/subscriptions/${id(subscriptionId)}`));
  }

  /** Sends the digest now; answers the delivery (its status may still be `pending`). */
  sendTest(subscriptionId: string): Promise<Delivery> {
    return firstValueFrom(
      this.http.post<Delivery>(`${API}/subscriptions/${id(subscriptionId)}/test`, null),
    );
  }

  /** The latest deliveries of one subscription (newest first). */
  deliveriesOf(subscriptionId: string, limit = 5): Promise<Delivery[]> {
    return firstValueFrom(
      this.http.get<Delivery[]>(`${API}/deliveries`, {
        params: { subscription: subscriptionId, limit },
      }),
    );
  }

  createAlert(input: AlertRuleInput): Promise<AlertRule> {
    return firstValueFrom(this.http.post<AlertRule>(`${API}/alerts`, input));
  }

  updateAlert(
    ruleId: string,
    change: Partial<AlertRuleInput> & { paused?: boolean },
  ): Promise<AlertRule> {
    return firstValueFrom(this.http.patch<AlertRule>(`${API}/alerts/${id(ruleId)}`, change));
  }

  deleteAlert(ruleId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${API}/alerts/${id(ruleId)}`));
  }
}

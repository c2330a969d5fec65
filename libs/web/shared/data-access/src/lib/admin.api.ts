import { HttpClient, httpResource, type HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Role, TokenScope } from '@returnlens/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from './weekly-report.resource';

/** A user as `GET /api/admin/users` lists them (dates as ISO strings). */
export interface AdminUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly mustChangePassword: boolean;
  readonly demo: boolean;
  readonly createdAt: string;
  readonly lastLoginAt: string | null;
  readonly disabledAt: string | null;
}

export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface AuditEvent {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string | null;
  readonly ip: string | null;
  readonly detail: Record<string, unknown> | null;
}

export interface NewUser {
  readonly email: string;
  readonly name?: string;
  readonly roles: readonly Role[];
}

/** Users, API tokens and the audit log (permission `admin`). */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/admin`;

  usersResource(): HttpResourceRef<AdminUser[] | undefined> {
    return httpResource<AdminUser[]>(() => `${this.base}/users`);
  }

  tokensResource(): HttpResourceRef<ApiToken[] | undefined> {
    return httpResource<ApiToken[]>(() => `${this.base}/tokens`);
  }

  auditResource(limit: number): HttpResourceRef<AuditEvent[] | undefined> {
    return httpResource<AuditEvent[]>(() => ({ url: `${this.base}/audit`, params: { limit } }));
  }

  /** Creates a user; the answer carries their one-time password, shown once. */
  createUser(user: NewUser): Promise<{ user: AdminUser; oneTimePassword: string }> {
    return firstValueFrom(
      this.http.post<{ user: AdminUser; oneTimePassword: string }>(`${this.base}/users`, user),
    );
  }

  updateUser(
    id: string,
    change: { name?: string; roles?: readonly Role[]; disabled?: boolean },
  ): Promise<AdminUser> {
    return firstValueFrom(
      this.http.patch<AdminUser>(`${this.base}/users/${encodeURIComponent(id)}`, change),
    );
  }

  resetPassword(id: string): Promise<{ oneTimePassword: string }> {
    return firstValueFrom(
      this.http.post<{ oneTimePassword: string }>(
        `${this.base}/users/${encodeURIComponent(id)}/reset-password`,
        null,
      ),
    );
  }

  /** Creates an API token; the answer carries it once. */
  createToken(
    name: string,
    scopes: readonly TokenScope[],
  ): Promise<{ id: string; name: string; scopes: TokenScope[]; token: string }> {
    return firstValueFrom(
      this.http.post<{ id: string; name: string; scopes: TokenScope[]; token: string }>(
        `${this.base}/tokens`,
        { name, scopes },
      ),
    );
  }

  revokeToken(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${this.base}/tokens/${encodeURIComponent(id)}`));
  }
}

import { http } from './http';
import type { CreateOrg, Items, MoveOrg, Org, UpdateOrg } from './types';
import type { AppLocale } from '../i18n/messages';

export const orgsApi = {
  list: () => http.get<Items<Org>>('/api/orgs'),
  create: (body: CreateOrg) => http.create<Org>('/api/orgs', body),
  update: (id: string, body: UpdateOrg) => http.patch<Org>(`/api/orgs/${id}`, body),
  move: (id: string, body: MoveOrg) => http.post<Org>(`/api/orgs/${id}/move`, body),
  remove: (id: string) => http.del<{ ok: true }>(`/api/orgs/${id}`),
  export: (lang: AppLocale) => http.download('/api/orgs/export.xlsx', { lang }, 'orgs.xlsx'),
};

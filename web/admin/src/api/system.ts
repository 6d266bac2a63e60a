import { http } from './http';
import type {
  CalendarDay,
  CalendarOverride,
  CreateDictItem,
  DictItem,
  Items,
  Job,
  NotificationPage,
  Page,
  SettingItem,
  SettingKey,
  UpdateDictItem,
} from './types';
import type { AppLocale } from '../i18n/messages';

export const settingsApi = {
  list: () => http.get<Items<SettingItem>>('/api/settings'),
  put: (key: SettingKey, value: unknown) => http.put<SettingItem>(`/api/settings/${encodeURIComponent(key)}`, { value }),
};

export const dictsApi = {
  list: (dictCode?: string) => http.get<Items<DictItem>>('/api/dicts', { dictCode }),
  create: (body: CreateDictItem) => http.create<DictItem>('/api/dicts', body),
  update: (id: string, body: UpdateDictItem) => http.patch<DictItem>(`/api/dicts/${id}`, body),
  remove: (id: string) => http.del<{ ok: true }>(`/api/dicts/${id}`),
};

export const calendarApi = {
  year: (year: number, lang: AppLocale) => http.get<{ year: number; days: CalendarDay[] }>(`/api/calendar/${year}`, { lang }),
  overrides: () => http.get<Items<CalendarOverride>>('/api/calendar/overrides'),
  putOverride: (date: string, body: { kind: 'workday' | 'holiday'; note: string }) => http.put<CalendarOverride>(`/api/calendar/overrides/${date}`, body),
  removeOverride: (date: string) => http.del<{ ok: true }>(`/api/calendar/overrides/${date}`),
};

export const jobsApi = {
  list: (q: { status?: Job['status']; page?: number; pageSize?: number }) => http.get<Page<Job>>('/api/jobs', q),
};

export const notificationsApi = {
  list: (q: { page?: number; pageSize?: number; unread?: boolean }) => http.get<NotificationPage>('/api/notifications', q),
  unreadCount: () => http.get<{ unread: number }>('/api/notifications/unread-count'),
  read: (id: string) => http.post<{ ok: true }>(`/api/notifications/${id}/read`),
  readAll: () => http.post<{ ok: true }>('/api/notifications/read-all'),
};


import { http, type Query } from './http';
import type {
  CreateLeader,
  CreatePerson,
  CreatePost,
  ImportReport,
  Items,
  Leader,
  Page,
  Person,
  PersonDetail,
  PersonQuery,
  PersonSensitive,
  Post,
  PostQuery,
  UpdateLeader,
  UpdatePerson,
  UpdatePost,
} from './types';
import type { AppLocale } from '../i18n/messages';

export const peopleApi = {
  list: (q: PersonQuery) => http.get<Page<Person>>('/api/people', q as Query),
  get: (id: string) => http.get<PersonDetail>(`/api/people/${id}`),
  create: (body: CreatePerson) => http.create<Person>('/api/people', body),
  update: (id: string, body: UpdatePerson) => http.patch<Person>(`/api/people/${id}`, body),
  remove: (id: string) => http.del<{ ok: true }>(`/api/people/${id}`),
  reveal: (id: string, reason: string) => http.post<PersonSensitive>(`/api/people/${id}/reveal`, { reason }),
  export: (q: PersonQuery, lang: AppLocale) => http.download('/api/people/export.xlsx', { ...(q as Query), page: undefined, pageSize: undefined, lang }, 'people.xlsx'),
  template: (lang: AppLocale) => http.download('/api/people/import-template.xlsx', { lang }, 'people-template.xlsx'),
  import: (file: File) => http.upload<ImportReport>('/api/people/import', file),
};

export const postsApi = {
  list: (q: PostQuery) => http.get<Page<Post>>('/api/posts', q as Query),
  create: (body: CreatePost) => http.create<Post>('/api/posts', body),
  update: (id: string, body: UpdatePost) => http.patch<Post>(`/api/posts/${id}`, body),
  remove: (id: string) => http.del<{ ok: true }>(`/api/posts/${id}`),
  export: (q: PostQuery, lang: AppLocale) => http.download('/api/posts/export.xlsx', { ...(q as Query), page: undefined, pageSize: undefined, lang }, 'posts.xlsx'),
};

export const leadersApi = {
  list: () => http.get<Items<Leader>>('/api/leaders'),
  create: (body: CreateLeader) => http.create<Leader>('/api/leaders', body),
  update: (id: string, body: UpdateLeader) => http.patch<Leader>(`/api/leaders/${id}`, body),
  remove: (id: string) => http.del<{ ok: true }>(`/api/leaders/${id}`),
  export: (lang: AppLocale) => http.download('/api/leaders/export.xlsx', { lang }, 'leaders.xlsx'),
};

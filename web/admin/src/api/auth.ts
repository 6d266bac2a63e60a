import { http } from './http';
import type { ChangePassword, Login, Me, MfaCode, MfaEnrolment, Obligations, RecoveryCodes, SetupAdmin, SetupStatus } from './types';
import type { AppLocale } from '../i18n/messages';

export const authApi = {
  me: () => http.get<Me>('/api/auth/me'),
  login: (body: Login) => http.post<Obligations>('/api/auth/login', body),
  logout: () => http.post<{ ok: true }>('/api/auth/logout'),
  verifyMfa: (body: MfaCode) => http.post<Obligations>('/api/auth/mfa/verify', body),
  startEnrol: () => http.post<MfaEnrolment>('/api/auth/mfa/enrol/start'),
  confirmEnrol: (code: string) => http.post<RecoveryCodes>('/api/auth/mfa/enrol/confirm', { code }),
  changePassword: (body: ChangePassword) => http.post<Obligations>('/api/auth/password', body),
  setupStatus: () => http.get<SetupStatus>('/api/auth/setup'),
  setup: (body: SetupAdmin) => http.post<{ ok: true }>('/api/auth/setup', body),
  setLocale: (locale: AppLocale) => http.put<{ locale: AppLocale }>('/api/auth/locale', { locale }),
};

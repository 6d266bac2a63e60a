export interface SessionTable {
  /** SM3 of the session token: the token itself is never stored. */
  id: string;
  tenant_id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  mfa_ok: 0 | 1;
  source_ip: string | null;
}

export interface LoginThrottleTable {
  /** `user:<tenant>:<sm3(username)>` or `ip:<hmac(address)>`: unknown usernames lock exactly like real ones. */
  key: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface PasswordHistoryTable {
  tenant_id: string;
  id: string;
  user_id: string;
  hash: string;
  created_at: string;
}

export interface MfaRecoveryCodeTable {
  tenant_id: string;
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface SetupTokenTable {
  tenant_id: string;
  token_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface AuthTables {
  user_account: UserAccountTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  password_history: PasswordHistoryTable;
  mfa_recovery_code: MfaRecoveryCodeTable;
  setup_token: SetupTokenTable;
}

export interface UserAccountTable {
  tenant_id: string;
  id: string;
  username: string;
  /** NFKC-folded lower-case username: "Ａdmin" and "admin" are one account. */
  username_norm: string;
  display_name: string;
  person_id: string | null;
  /** business, or one of the three administrator kinds; a role assignment must match it. */
  kind: 'business' | 'system' | 'security' | 'audit';
  password_hash: string | null;
  password_changed_at: string | null;
  must_change_password: 0 | 1;
  status: 'active' | 'disabled';
  mfa_secret: string | null;
  mfa_enrolled_at: string | null;
  /** Last accepted TOTP time step: a code is usable once. */
  mfa_last_step: number | null;
  locale: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

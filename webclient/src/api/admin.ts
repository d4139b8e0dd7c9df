// The administrators' API (/api/v1/admin/...): one object per role, typed from the generated schema.
import { ApiError, networkError } from './http'
import type { components } from './schema'
import type { ApiErrorBody, User } from './types'

type S = components['schemas']
export type AdminUnit = S['AdminUnitOut']
export type Supervision = S['AdminSupervisionOut']
export type Bot = S['BotOut']
export type Integration = S['IntegrationOut']
export type AdminDefinition = S['AdminDefinitionOut']
export type ImportBatch = S['ImportOut']
export type SecurityPolicy = S['SecurityPolicyOut']
export type AuditEntry = S['AuditEntryOut']
export type ChainVerification = S['ChainVerification']
export type Override = S['OverrideOut']
export type ClassificationPolicy = S['ClassificationPolicyOut']
export type AdminRole = 'sys_admin' | 'sec_admin' | 'audit_admin'

const enc = encodeURIComponent
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function call<T>(method: string, path: string, body?: unknown, raw?: { type: string; data: Blob }): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: raw ? { 'Content-Type': raw.type, Accept: 'application/json' }
        : body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: raw ? raw.data : body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw networkError()
  }
  if (res.status === 204) return undefined as T
  const data: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    const err = (data as { error?: ApiErrorBody } | null)?.error ?? { code: 'internal', message: '', message_en: '' }
    throw new ApiError(res.status, err)
  }
  return data as T
}

function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

export const sysApi = {
  units: () => call<{ units: AdminUnit[] }>('GET', '/api/v1/admin/units'),
  createUnit: (b: Partial<S['UnitCreateIn']>) => call<AdminUnit>('POST', '/api/v1/admin/units', b),
  updateUnit: (id: string, b: Partial<S['UnitUpdateIn']>) => call<AdminUnit>('PATCH', `/api/v1/admin/units/${enc(id)}`, b),
  retireUnit: (id: string) => call<AdminUnit>('POST', `/api/v1/admin/units/${enc(id)}/retire`),
  users: (q = '') => call<{ users: User[] }>('GET', `/api/v1/admin/users${query({ q })}`),
  createUser: (b: Partial<S['UserCreateIn']>) => call<User>('POST', '/api/v1/admin/users', b),
  updateUser: (id: string, name: string) => call<User>('PATCH', `/api/v1/admin/users/${enc(id)}`, { name }),
  disable: (id: string) => call<User>('POST', `/api/v1/admin/users/${enc(id)}/disable`),
  enable: (id: string) => call<User>('POST', `/api/v1/admin/users/${enc(id)}/enable`),
  resetPassword: (id: string, password: string) =>
    call<void>('POST', `/api/v1/admin/users/${enc(id)}/password`, { password }),
  addSeat: (id: string, b: { unit_id: string; position: string; title: string; is_head: boolean }) =>
    call<User>('POST', `/api/v1/admin/users/${enc(id)}/memberships`, b),
  removeSeat: (id: string, unitId: string) =>
    call<User>('DELETE', `/api/v1/admin/users/${enc(id)}/memberships/${enc(unitId)}`),
  supervision: () => call<{ supervision: Supervision[] }>('GET', '/api/v1/admin/supervision'),
  setSupervision: (leaderId: string, unit_ids: string[]) =>
    call<Supervision>('PUT', `/api/v1/admin/supervision/${enc(leaderId)}`, { unit_ids }),
  bots: () => call<{ bots: Bot[] }>('GET', '/api/v1/admin/bots'),
  issueToken: (key: string) => call<{ key: string; secret: string }>('POST', `/api/v1/admin/bots/${enc(key)}/tokens`),
  revokeTokens: (key: string) => call<{ revoked: number }>('DELETE', `/api/v1/admin/bots/${enc(key)}/tokens`),
  integrations: () => call<{ integrations: Integration[] }>('GET', '/api/v1/admin/integrations'),
  createIntegration: (b: { key: string; name: string; bot_key: string }) =>
    call<{ integration: Integration; secret: string }>('POST', '/api/v1/admin/integrations', b),
  rotate: (key: string) => call<{ key: string; secret: string }>('POST', `/api/v1/admin/integrations/${enc(key)}/rotate`),
  definitions: () => call<{ definitions: AdminDefinition[] }>('GET', '/api/v1/admin/definitions'),
  publishDefinition: (spec: unknown) => call<AdminDefinition>('POST', '/api/v1/admin/definitions', spec),
  loadShipped: () => call<{ definitions: AdminDefinition[] }>('POST', '/api/v1/admin/definitions/shipped'),
  overrides: () => call<{ overrides: Override[] }>('GET', '/api/v1/admin/calendar/overrides'),
  setOverride: (day: string, kind: 'workday' | 'holiday', note: string) =>
    call<Override>('PUT', `/api/v1/admin/calendar/overrides/${enc(day)}`, { kind, note }),
  removeOverride: (day: string) => call<void>('DELETE', `/api/v1/admin/calendar/overrides/${enc(day)}`),
  importFile: (file: File) => call<ImportBatch>('POST', `/api/v1/admin/import${query({ filename: file.name })}`,
    undefined, { type: XLSX, data: file }),
  applyImport: (id: string) => call<ImportBatch>('POST', `/api/v1/admin/import/${enc(id)}/apply`),
  templateUrl: '/api/v1/admin/import/template',
}

export const secApi = {
  accounts: (q = '', adminsOnly = false) =>
    call<{ users: User[] }>('GET', `/api/v1/admin/security/accounts${query({ q, admins_only: adminsOnly || undefined })}`),
  setRoles: (id: string, roles: string[]) =>
    call<User>('PUT', `/api/v1/admin/security/accounts/${enc(id)}/roles`, { roles }),
  policy: () => call<SecurityPolicy>('GET', '/api/v1/admin/security/policy'),
  savePolicy: (p: SecurityPolicy) => call<SecurityPolicy>('PUT', '/api/v1/admin/security/policy', p),
  classification: () => call<ClassificationPolicy>('GET', '/api/v1/policies/classification'),
  saveClassification: (levels: string[], allow: string[], version: number) =>
    call<ClassificationPolicy>('PUT', '/api/v1/policies/classification', { levels, allow, version }),
}

export interface AuditFilters {
  actor_id?: string
  action?: string
  object_type?: string
  object_id?: string
  outcome?: string
  admin_role?: AdminRole | ''
  since?: string
  until?: string
  limit?: number
}

export const auditApi = {
  entries: (f: AuditFilters) =>
    call<{ entries: AuditEntry[]; chain_ok: boolean }>('GET', `/api/v1/admin/audit${query({ ...f })}`),
  verify: () => call<ChainVerification>('GET', '/api/v1/admin/audit/verify'),
  exportUrl: (f: AuditFilters, format: 'csv' | 'xlsx') => {
    const { limit: _limit, ...rest } = f
    return `/api/v1/admin/audit/export${query({ ...rest, format })}`
  },
}

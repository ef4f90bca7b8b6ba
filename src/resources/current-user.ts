/** @module The caller's own user record (VSPC's GET /users/me), in the vendor's `{data: User}` envelope. */
import { userUid } from '../accounts/user-uid.js'
import type { MockState } from '../engine/mock-state.js'
import type { ServerResource } from '../profiles/profile.js'
import type { Account } from '../store/types.js'

/** Where the body carries the caller's userUid (the spec tells the conformance suite). */
export const CURRENT_USER_UID_FIELD = 'data.instanceUid'

type CurrentUser = Extract<ServerResource, { kind: 'current-user' }>

export function currentUser(state: MockState, resource: CurrentUser, account: Account) {
  const mfa = state.profile.mfa !== undefined && account.mfaSecret !== undefined
  const userName = `${account.domain}\\${account.name}`
  return {
    data: {
      instanceUid: userUid(account),
      organizationUid: resource.organizationUid,
      userName,
      status: account.disabled ? 'Disabled' : 'Enabled',
      mfaPolicyStatus: mfa ? 'Enabled' : 'Disabled',
      mfaPolicyConfigurationStatus: mfa ? 'Configured' : 'NotConfigured',
      role: account.role,
      profile: { firstName: null, lastName: null, title: null, email: null, address: null, phone: null },
      credentials: { userName, password: null },
    },
  }
}

/** @module The vendor's user name rule: `DOMAIN\USERNAME`, or a bare `USERNAME` where the profile allows it. */

export interface UsernameRule {
  bareAllowed: boolean
  defaultDomain: string
  /** A domain meaning "this server" (e.g. `.`), taken as `defaultDomain`. */
  localDomain?: string
}

/** The domain and name, or undefined when the form is not accepted. */
export function parseUsername(input: string, rule: UsernameRule): { domain: string; name: string } | undefined {
  const parts = input.split('\\')
  if (parts.length === 2 && parts[0] !== '' && parts[1] !== '') {
    return { domain: parts[0] === rule.localDomain ? rule.defaultDomain : parts[0]!, name: parts[1]! }
  }
  if (parts.length === 1 && rule.bareAllowed) return { domain: rule.defaultDomain, name: input }
  return undefined
}

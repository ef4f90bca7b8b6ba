/** @module String values: by `format` first, else by the property's name (jobName, hostName, description...). */
import { date, dateTime, time } from './dates.js'
import { fakerFrom } from './faker.js'
import type { Rng } from './random.js'
import { domainName, folderPath, hostName, jobName, label, repositoryName, sentence, shortHostName, status } from './vocabulary.js'

export function uuid(rng: Rng): string {
  const h = rng.hex(32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[rng.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

const ipv4 = (rng: Rng) => `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
const ipv6 = (rng: Rng) => `fd00:${Array.from({ length: 7 }, () => rng.int(0, 65535).toString(16)).join(':')}`
const base64 = (rng: Rng, bytes: number) => Buffer.from(rng.hex(bytes * 2), 'hex').toString('base64')
const alnum = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function randomText(rng: Rng, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alnum[Math.floor(rng.next() * alnum.length)]
  return out
}

function person(rng: Rng) {
  const faker = fakerFrom(() => rng.next())
  const ascii = (s: string) => s.normalize('NFD').replace(/[^A-Za-z]/g, '')
  return { first: ascii(faker.person.firstName()) || 'Alex', last: ascii(faker.person.lastName()) || 'Smith' }
}

function email(rng: Rng): string {
  const { first, last } = person(rng)
  return `${first[0]!.toLowerCase()}.${last.toLowerCase()}@${domainName(rng)}`
}

function account(rng: Rng): string {
  const { first, last } = person(rng)
  return `${domainName(rng).split('.')[0]!.toUpperCase()}\\${first[0]!.toLowerCase()}${last.toLowerCase()}`
}

const url = (rng: Rng) => `https://${hostName(rng)}:${rng.pick([443, 9419, 9398, 1239])}/${rng.pick(['api', 'repository', 'backups', 'share'])}`

/** A value for a known format; undefined for formats with no shape of their own. */
export function byFormat(format: string, rng: Rng, name: string): string | undefined {
  switch (format) {
    case 'uuid': return uuid(rng)
    case 'date-time': case 'iso-date-time': return dateTime(rng)
    case 'date': return date(rng)
    case 'time': case 'iso-time': return time(rng)
    case 'email': case 'idn-email': return email(rng)
    case 'hostname': case 'idn-hostname': return hostName(rng)
    case 'ipv4': return ipv4(rng)
    case 'ipv6': return ipv6(rng)
    case 'uri': case 'url': case 'iri': case 'uri-reference': case 'iri-reference': return url(rng)
    case 'uri-template': return `${url(rng)}/{id}`
    case 'byte': return base64(rng, rng.int(6, 24))
    case 'binary': return randomText(rng, rng.int(8, 24))
    case 'password': return randomText(rng, 14)
    case 'duration': return `PT${rng.int(1, 23)}H${rng.int(0, 59)}M`
    case 'regex': return '^[a-z]+$'
    case 'json-pointer': return `/${name || 'data'}/${rng.int(0, 9)}`
    case 'relative-json-pointer': return `${rng.int(0, 3)}/${name || 'data'}`
    case 'int32': case 'int64': return String(rng.int(1, 100000))
    case 'double': case 'float': case 'decimal': return String(rng.int(1, 100000) / 100)
    default: return undefined
  }
}

/** A realistic string for a property called `name` inside the component `owner`. */
export function byName(name: string, owner: string, rng: Rng): string {
  const n = name.toLowerCase()
  const o = owner.toLowerCase()
  if (/^(id|uid|guid)$|(Id|Uid|Guid|_id|ID)$/.test(name)) return uuid(rng)
  if (n.includes('email') || n.includes('mail')) return email(rng)
  if (/(^|[a-z])(ipaddress|ip|ipv4)$/.test(n) || n.includes('ipaddress')) return ipv4(rng)
  if (n.includes('host') || n.includes('server') || n.includes('fqdn') || n.includes('dnsname') || n.includes('computer')) return hostName(rng)
  if (/(url|uri|link|href|endpoint)$/.test(n)) return url(rng)
  if (/(username|login|account|owner|user)$/.test(n)) return account(rng)
  if (n === 'firstname') return person(rng).first
  if (n === 'lastname' || n === 'surname') return person(rng).last
  if (n.includes('description') || /(message|comment|note|summary|details|reason)$/.test(n)) return sentence(rng)
  if (/(time|date|at)$/.test(n) && !/(format|zone|status)/.test(n)) return dateTime(rng)
  if (/(path|folder|directory|dir)$/.test(n)) return folderPath(rng)
  if (n.includes('version')) return `12.${rng.int(0, 3)}.${rng.int(0, 2)}.${rng.int(100, 2000)}`
  if (/(token|secret|thumbprint|fingerprint|hash|key)$/.test(n)) return rng.hex(40)
  if (/(size|bytes|capacity|space)$/.test(n)) return `${rng.int(1, 999)}.${rng.int(0, 9)} GB`
  if (/(status|state|result)$/.test(n)) return status(rng)
  if (n.includes('domain')) return domainName(rng)
  if (n.includes('city')) return fakerFrom(() => rng.next()).location.city()
  if (n.includes('country')) return fakerFrom(() => rng.next()).location.country()
  if (n.includes('company') || n.includes('organization') || n.includes('tenant')) return fakerFrom(() => rng.next()).company.name()
  if (n === 'name' || n.endsWith('name') || n === 'title') return nameFor(o === '' || n === 'name' || n === 'title' ? o : n, rng)
  return label(rng)
}

function nameFor(context: string, rng: Rng): string {
  if (/repositor|repo|storage|bucket|extent/.test(context)) return repositoryName(rng)
  if (/proxy|server|host|computer|machine|vm|esx|node|agent|hypervisor/.test(context)) return shortHostName(rng)
  if (/user|account|credential|person|owner|operator/.test(context)) {
    const { first, last } = person(rng)
    return `${first} ${last}`
  }
  if (/tag|category|label/.test(context)) return label(rng)
  return jobName(rng)
}

/** @module Word lists for values that look like a Veeam estate: job names, host names, repositories, sentences. */
import type { Rng } from './random.js'

const cadences = ['Daily', 'Nightly', 'Weekly', 'Hourly', 'Monthly', 'Weekend']
const workloads = ['SQL', 'Exchange', 'File Server', 'SharePoint', 'Oracle', 'Domain Controller', 'VMware', 'Hyper-V', 'NAS', 'Linux', 'Web Farm', 'ERP', 'Finance', 'HR Apps', 'Citrix']
const jobKinds = ['Backup', 'Backup Copy', 'Replica', 'Offload', 'Archive', 'Snapshot']
const roles = ['sql', 'exch', 'fs', 'dc', 'app', 'web', 'vbr', 'proxy', 'repo', 'esx', 'hv', 'nas', 'ora', 'sp']
const domains = ['corp.local', 'tech.local', 'lab.local', 'contoso.local']
const sites = ['Building A', 'the London office', 'the DR site', 'Frankfurt', 'the head office', 'the branch offices']
const objects = ['the SQL servers', 'the Exchange mailboxes', 'the file shares', 'the domain controllers', 'the web farm', 'the ERP database', 'the Linux hosts', 'the finance VMs']
const verbs = ['Backs up', 'Replicates', 'Copies', 'Protects', 'Archives', 'Offloads']
const periods = ['every night', 'every hour', 'on weekdays at 22:00', 'every Sunday', 'twice a day', 'after business hours']
const nouns = ['primary', 'secondary', 'archive', 'capacity', 'performance', 'offsite', 'hardened', 'immutable', 'cloud', 'local']
const repoKinds = ['Repository', 'Repo', 'Storage', 'Capacity Tier', 'Object Storage', 'Scale-Out Repository']
const statuses = ['Success', 'Warning', 'Failed', 'Running', 'Stopped', 'Idle']

const two = (n: number) => String(n).padStart(2, '0')

export function jobName(rng: Rng): string {
  const workload = rng.pick(workloads)
  switch (rng.int(0, 2)) {
    case 0: return `${rng.pick(cadences)} ${workload} ${rng.pick(jobKinds)}`
    case 1: return `${workload} ${rng.pick(cadences)}`
    default: return `${workload} ${rng.pick(jobKinds)} ${two(rng.int(1, 20))}`
  }
}

export function hostName(rng: Rng): string {
  return `srv-${rng.pick(roles)}-${two(rng.int(1, 40))}.${rng.pick(domains)}`
}

export function shortHostName(rng: Rng): string {
  return `srv-${rng.pick(roles)}-${two(rng.int(1, 40))}`
}

export function domainName(rng: Rng): string {
  return rng.pick(domains)
}

export function repositoryName(rng: Rng): string {
  const noun = rng.pick(nouns)
  return `${noun[0]!.toUpperCase()}${noun.slice(1)} ${rng.pick(repoKinds)} ${two(rng.int(1, 12))}`
}

export function sentence(rng: Rng): string {
  return `${rng.pick(verbs)} ${rng.pick(objects)} in ${rng.pick(sites)} ${rng.pick(periods)}.`
}

export function label(rng: Rng): string {
  return `${rng.pick(nouns)}-${rng.pick(roles)}`
}

export function status(rng: Rng): string {
  return rng.pick(statuses)
}

export function folderPath(rng: Rng): string {
  return `${rng.pick(['D', 'E', 'F'])}:\\Backups\\${rng.pick(workloads).replace(/[^A-Za-z]/g, '')}`
}

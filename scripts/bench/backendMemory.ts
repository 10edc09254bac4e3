import fs from 'node:fs';
import { startPortal } from '../lib/startPortal.mjs';
import { syntheticPodUsage } from './synthetic';

const BATCH = 5000;

function children(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter(d => /^\d+$/.test(d))
    .filter(d => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        return (
          Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

function statusKiB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

/** The largest process under the portal's process group: the backend itself. */
function backendPid(root: number): number {
  const all: number[] = [];
  const walk = (pid: number) => {
    all.push(pid);
    children(pid).forEach(walk);
  };
  walk(root);
  return all.reduce((a, b) =>
    statusKiB(b, 'VmRSS') > statusKiB(a, 'VmRSS') ? b : a,
  );
}

/**
 * Starts the real example backend (demo data off), posts `count` events over
 * HTTP with the static ingest token, and reads the backend's peak RSS.
 */
export async function benchBackendMemory(root: string, count: number) {
  const portal = await startPortal({ root, port: 7027, demo: false });
  try {
    const pid = backendPid(portal.pid);
    const idleMiB = statusKiB(pid, 'VmRSS') / 1024;
    const events = syntheticPodUsage(count, 500);
    const start = Date.now();
    for (let i = 0; i < events.length; i += BATCH) {
      const res = await fetch(`${portal.baseUrl}/api/platform/events`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: 'Bearer local-dev-ingest-token',
        },
        body: JSON.stringify({ events: events.slice(i, i + BATCH) }),
      });
      if (res.status !== 200)
        throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    }
    const seconds = (Date.now() - start) / 1000;
    return {
      idleMiB,
      peakMiB: statusKiB(pid, 'VmHWM') / 1024,
      eventsPerSec: count / seconds,
    };
  } finally {
    await portal.stop();
  }
}

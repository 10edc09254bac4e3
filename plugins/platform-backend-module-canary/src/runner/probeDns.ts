import { promises as dns } from 'node:dns';
import { ProbeContext, ProbeFailure, errorCode } from './ProbeFailure';
import { DnsCheck } from './types';

/**
 * Resolver codes that mean DNS itself answered badly or not at all: a failure
 * of the dns capability. Others (a malformed name, a bad server address) are
 * the check's own fault and become errors.
 */
const DNS_FAILURES: Record<string, (c: DnsCheck) => string> = {
  ENOTFOUND: c => `NXDOMAIN: ${c.hostname} does not exist`,
  ENODATA: c => `${c.hostname} has no ${c.recordType} record`,
  ESERVFAIL: c => `SERVFAIL resolving ${c.hostname}`,
  EREFUSED: c => `the DNS server refused the query for ${c.hostname}`,
  ETIMEOUT: c => `the DNS server did not answer for ${c.hostname}`,
  ECONNREFUSED: c =>
    `the DNS server refused the connection (${c.server ?? 'system resolver'})`,
  EAI_AGAIN: c =>
    `temporary DNS failure resolving ${c.hostname} (no answer or SERVFAIL)`,
  EAI_FAIL: c => `DNS failed resolving ${c.hostname}`,
  ENONAME: c => `NXDOMAIN: ${c.hostname} does not exist`,
};

function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

async function resolve(check: DnsCheck, context: ProbeContext) {
  if (!check.server && check.recordType !== 'CNAME') {
    // The system resolver, as workloads in the cluster use it (hosts file,
    // search domains). It cannot be cancelled: runCheck's race ends the wait.
    const family = check.recordType === 'A' ? 4 : 6;
    const answers = await dns.lookup(check.hostname, { family, all: true });
    return answers.map(a => a.address);
  }
  const resolver = new dns.Resolver({ timeout: check.timeoutMs, tries: 1 });
  if (check.server) resolver.setServers([check.server]);
  const cancel = () => resolver.cancel();
  context.signal.addEventListener('abort', cancel, { once: true });
  try {
    if (check.recordType === 'A')
      return await resolver.resolve4(check.hostname);
    if (check.recordType === 'AAAA') {
      return await resolver.resolve6(check.hostname);
    }
    return await resolver.resolveCname(check.hostname);
  } finally {
    context.signal.removeEventListener('abort', cancel);
  }
}

/** Resolves the name (A, AAAA or CNAME) and checks the expected answers. */
export async function probeDns(
  check: DnsCheck,
  context: ProbeContext,
): Promise<void> {
  context.log(
    `resolve ${check.recordType} ${check.hostname} via ${
      check.server ?? 'the system resolver'
    }`,
  );
  let answers: string[];
  try {
    answers = await resolve(check, context);
  } catch (error) {
    if (context.signal.aborted) throw error;
    const code = errorCode(error);
    const describe = code ? DNS_FAILURES[code] : undefined;
    if (describe) throw new ProbeFailure([describe(check)]);
    throw error;
  }
  context.log(`answers: ${answers.join(', ') || '(none)'}`);
  if (answers.length === 0) {
    throw new ProbeFailure([
      `${check.hostname} has no ${check.recordType} record`,
    ]);
  }
  const got = new Set(answers.map(normalise));
  const missing = check.expect.filter(e => !got.has(normalise(e)));
  if (missing.length > 0) {
    throw new ProbeFailure([
      `${check.hostname} ${check.recordType} answers ${answers.join(
        ', ',
      )}, expected ${missing.join(', ')} among them`,
    ]);
  }
}

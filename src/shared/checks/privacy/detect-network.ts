/**
 * IP addresses. IPv4: four dot-separated decimal octets 0–255 (RFC 791 dotted quad; up to three
 * digits each, so "192.168.001.010" counts). IPv6 (RFC 4291 §2.2): eight colon-separated groups
 * of 1–4 hex digits, or fewer with exactly one "::" standing for one or more zero groups, and
 * optionally an IPv4 address in place of the last two groups ("::ffff:192.0.2.1"). Zone ids
 * ("%eth0") and prefixes ("/64") are not accepted.
 */
import { startsWithDigit } from './quick';
import { MATCH, NO, type Verdict } from './verdict';

/** Parsed by hand (no regex, no allocation): this runs on every value of every text column. */
export function isIpv4(value: string): boolean {
  if (value.length < 7 || value.length > 15 || !startsWithDigit(value)) return false;
  let dots = 0;
  let octet = 0;
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return false;
      octet = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return false;
    } else return false;
  }
  return dots === 3 && digits > 0;
}

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));

export function isIpv6(value: string): boolean {
  if (value.length < 2 || value.length > 45 || !value.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(value)) return false;
  let body = value;
  let total = 8;
  if (value.includes('.')) {
    const lastColon = value.lastIndexOf(':');
    if (!isIpv4(value.slice(lastColon + 1))) return false;
    // The IPv4 tail stands for two groups: keep one placeholder group and expect seven.
    body = `${value.slice(0, lastColon + 1)}0`;
    total = 7;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 2) {
    const all = [...groups(halves[0]!), ...groups(halves[1]!)];
    return all.length <= total - 1 && all.every((g) => HEX_GROUP.test(g));
  }
  const all = groups(body);
  return all.length === total && all.every((g) => HEX_GROUP.test(g));
}

/** 4 for IPv4, 6 for IPv6, 0 for neither. */
export function ipVersion(value: string): 0 | 4 | 6 {
  if (isIpv4(value)) return 4;
  if (isIpv6(value)) return 6;
  return 0;
}

export const ipTest = (value: string): Verdict => (ipVersion(value) !== 0 ? MATCH : NO);

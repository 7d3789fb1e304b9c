import { at, hash, hex32, pick, unit } from "../lib/hash";
import { ORGANISATION_RANGES } from "./catalog";

/**
 * The tenant's people: the workers that /workers lists and the system accounts that appear in the
 * activity log. Built from the seed alone, so both APIs always agree.
 */
export interface Person {
  index: number;
  id: string;
  username: string;
  fullName: string;
  email: string;
  phone: string;
  businessTitle: string;
  orgIndex: number;
  isManager: boolean;
  /** The address and browser this person usually signs on from. */
  homeIp: string;
  agentIndex: number;
}

export interface Organization {
  id: string;
  name: string;
  managerIndex: number;
}

export interface Directory {
  people: readonly Person[];
  orgs: readonly Organization[];
  byId: ReadonlyMap<string, Person>;
}

const FIRST = [
  "Ada",
  "Ben",
  "Carla",
  "Dev",
  "Elena",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jamal",
  "Kira",
  "Liam",
  "Maya",
  "Noah",
  "Olga",
  "Priya",
  "Quinn",
  "Rosa",
  "Sam",
  "Tara",
  "Umar",
  "Vera",
  "Wes",
  "Xin",
  "Yara",
  "Zane",
  "Aiko",
  "Bruno",
  "Chloe",
  "Diego",
  "Emma",
  "Felix",
];
const LAST = [
  "Martin",
  "Okafor",
  "Schmidt",
  "Nguyen",
  "Garcia",
  "Kowalski",
  "Haddad",
  "Tanaka",
  "Silva",
  "Johansson",
  "Patel",
  "Rossi",
  "Dubois",
  "Murphy",
  "Cohen",
  "Ivanova",
  "Kim",
  "Lopez",
  "Meyer",
  "Novak",
  "Osei",
  "Park",
  "Reyes",
  "Sato",
  "Walsh",
  "Young",
];
const ORGS: readonly { name: string; titles: readonly string[] }[] = [
  { name: "Engineering", titles: ["Software Engineer", "Senior Software Engineer", "Staff Engineer", "QA Analyst"] },
  { name: "Finance", titles: ["Financial Analyst", "Accountant", "Payroll Specialist"] },
  { name: "Human Resources", titles: ["HR Business Partner", "Recruiter", "HR Generalist"] },
  { name: "Sales", titles: ["Account Executive", "Sales Development Representative", "Solutions Consultant"] },
  { name: "Marketing", titles: ["Marketing Manager", "Content Strategist", "Designer"] },
  { name: "IT Operations", titles: ["Systems Administrator", "Security Analyst", "Workday Analyst"] },
  { name: "Legal", titles: ["Counsel", "Paralegal"] },
  { name: "Customer Support", titles: ["Support Specialist", "Support Team Lead"] },
];

export function buildDirectory(seed: number, emailDomain: string): Directory {
  const count = 50 + (hash(seed, 1) % 151);
  const taken = new Map<string, number>();
  const managers = new Map<number, number>();
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST, seed, i, 2);
    const last = pick(LAST, seed, i, 3);
    // Usernames are the local part of the work email, so activity rows can be tied to workers.
    const base = `${first}.${last}`.toLowerCase();
    const seen = (taken.get(base) ?? 0) + 1;
    taken.set(base, seen);
    const orgIndex = i < ORGS.length ? i : hash(seed, i, 4) % ORGS.length;
    const isManager = !managers.has(orgIndex);
    if (isManager) managers.set(orgIndex, i);
    const org = at(ORGS, orgIndex);
    people.push({
      index: i,
      id: hex32(seed, i, 5),
      username: seen === 1 ? base : `${base}${seen}`,
      fullName: `${first} ${last}`,
      email: `${seen === 1 ? base : `${base}${seen}`}@${emailDomain}`,
      phone: `+1 (415) 555-${String(1000 + (hash(seed, i, 6) % 9000))}`,
      businessTitle: isManager ? `Director, ${org.name}` : pick(org.titles, seed, i, 7),
      orgIndex,
      isManager,
      // Documentation address ranges (RFC 5737): realistic shape, never someone's real address.
      homeIp: `${pick(ORGANISATION_RANGES, seed, i, 8)}.${1 + (hash(seed, i, 9) % 254)}`,
      agentIndex: unit(seed, i, 10) < 0.75 ? hash(seed, i, 11) % 4 : 4 + (hash(seed, i, 12) % 3),
    });
  }
  const orgs = ORGS.map((o, i) => ({ id: hex32(seed, i, 13), name: o.name, managerIndex: managers.get(i) ?? 0 }));
  return { people, orgs, byId: new Map(people.map((p) => [p.id, p])) };
}

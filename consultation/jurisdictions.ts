// How long a consultation must run, per jurisdiction. The figures come from
// ../shared/domain/consultation-rules.md; those marked unverified are shown as such to
// staff and must be confirmed in the official gazette before they become hard rules.
// Until then a shorter round is allowed with a written reason, which goes into the report.

export type Jurisdiction = 'bih' | 'fbih' | 'rs' | 'brcko'

export interface JurisdictionProfile {
  /** The shortest period the rules allow without a stated reason, in calendar days. */
  minimumDays: number
  /** The period the rules recommend. */
  recommendedDays: number
  /** Days after closing within which the report on the consultation is due. */
  reportDueDays: number
  /** Whether the figures were read in the rule itself. */
  verified: boolean
}

export const JURISDICTIONS: Record<Jurisdiction, JurisdictionProfile> = {
  // SG BiH 5/17: 30 days; shorter only exceptionally, with reasons.
  bih: { minimumDays: 30, recommendedDays: 30, reportDueDays: 15, verified: false },
  // FBiH Uredba 2012: at least 15 days, 30 recommended.
  fbih: { minimumDays: 15, recommendedDays: 30, reportDueDays: 15, verified: false },
  // Nothing found for the RS and Brčko rules: the default of 30 days applies.
  rs: { minimumDays: 30, recommendedDays: 30, reportDueDays: 15, verified: false },
  brcko: { minimumDays: 30, recommendedDays: 30, reportDueDays: 15, verified: false },
}

export function jurisdictionProfile(jurisdiction: string): JurisdictionProfile {
  return JURISDICTIONS[jurisdiction as Jurisdiction] ?? JURISDICTIONS.bih
}

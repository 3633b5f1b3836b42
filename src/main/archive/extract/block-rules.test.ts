import { describe, expect, it } from 'vitest'
import {
  isCommentsHeading,
  isEmbedPlaceholder,
  isPaywallBadge,
  isPaywallCut,
  isRelativeStampLine,
  isSignUpConsent,
  isSourceCredit,
  isStaffCredits,
  isTipLineCall,
} from './block-rules'

describe('block rules of the HTML reader', () => {
  it('tell paywall notices, embeds, credits and sign-up lines from prose about the same things', () => {
    expect(isPaywallCut('The rest of this article is for subscribers only.')).toBe(true)
    expect(isPaywallCut('Subscribers of the harbour newsletter met on Tuesday.')).toBe(false)
    expect(isPaywallBadge('Subscribers only')).toBe(true)
    expect(isPaywallBadge('Subscribers only pay half the fare on the ferry.')).toBe(false)
    expect(isEmbedPlaceholder('Click here to load external content from a third party.')).toBe(true)
    expect(isEmbedPlaceholder('External content of the report was shown to the board.')).toBe(false)
    expect(isSourceCredit('Источник: пресс-служба')).toBe(true)
    expect(isSourceCredit('Source: the ministry said on Monday that the plan would go ahead.')).toBe(false)
    expect(isSignUpConsent('By signing up you accept our privacy policy.')).toBe(true)
    expect(isSignUpConsent('The privacy policy of the port was criticised by the board.')).toBe(false)
    expect(isSignUpConsent('Die Datenschutzbehörde hat die Registrierung der Daten geprüft.')).toBe(false)
    expect(isStaffCredits('Editing: Jane Roe and Ann Doe\nFact-checking: Max Mustermann')).toBe(true)
    expect(isStaffCredits('Redaktion: die Zeitung hat entschieden')).toBe(false)
    expect(isStaffCredits('Design: Brushed Aluminium')).toBe(false)
    expect(isTipLineCall('Have a tip? Reach our reporter via Signal: harbour.01')).toBe(true)
    expect(isTipLineCall('The minister sent the message via Signal on Monday.')).toBe(false)
    expect(isCommentsHeading('Comments (12)')).toBe(true)
    expect(isCommentsHeading('12 Kommentare')).toBe(true)
    expect(isCommentsHeading('Forum: 5 Postings')).toBe(true)
    expect(isCommentsHeading('Comment')).toBe(false)
    expect(isCommentsHeading('Comments on the budget')).toBe(false)
    expect(isRelativeStampLine('Online seit heute, 7.57 Uhr')).toBe(true)
    expect(isRelativeStampLine('Today the ferry left at 7:57 for the island.')).toBe(false)
  })
})

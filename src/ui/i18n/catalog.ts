import type { Message } from './define.ts'
import { admin } from './messages/admin.ts'
import { common } from './messages/common.ts'
import { openDocument } from './messages/document.ts'
import { documents } from './messages/documents.ts'
import { referral } from './messages/referral.ts'
import { referralPanels } from './messages/referral-panels.ts'
import { referrals } from './messages/referrals.ts'
import { settings } from './messages/settings.ts'
import { share } from './messages/share.ts'
import { welcome } from './messages/welcome.ts'
import { workspace } from './messages/workspace.ts'

/** Every area's messages; an area adds itself here. */
const AREAS = [
  common,
  documents,
  openDocument,
  welcome,
  workspace,
  admin,
  settings,
  share,
  referralPanels,
  referral,
  referrals,
] as const

type Area = (typeof AREAS)[number]
export type MessageKey = Area extends infer A
  ? A extends { en: Record<infer K, Message> }
    ? K
    : never
  : never

type Table = Record<string, Message>

const merge = (pick: (a: Area) => Partial<Table> | undefined): Table =>
  Object.assign({}, ...AREAS.map((a) => pick(a) ?? {})) as Table

export const CATALOGS = {
  en: merge((a) => a.en),
  pl: merge((a) => a.pl),
  ru: merge((a) => a.ru),
  ky: merge((a) => a.ky),
}

import {
  type DirContact,
  type DirLanguage,
  type DirPhone,
  type DirSchedule,
  newDirectoryId,
  parseByday,
  type Weekday,
  weeklySchedule,
} from '../../model/index.ts'

// Between a directory record and the plain text a coordinator edits in a form. Whatever a form
// does not show (a language's name, a phone's extension, a monthly schedule) is carried over
// unchanged, so editing one field never drops what an import brought in.

/** Trimmed text, or undefined when empty (the model leaves undefined fields out). */
export const optional = (text: string): string | undefined => text.trim() || undefined

export const languageCodes = (languages: readonly DirLanguage[]): string =>
  languages
    .map((l) => l.code)
    .filter(Boolean)
    .join(', ')

/** Languages from codes typed as `pl, ru`; known codes keep their record, uncoded ones stay. */
export const languagesFrom = (text: string, previous: readonly DirLanguage[]): DirLanguage[] => {
  const codes = [
    ...new Set(
      text
        .split(/[,\s]+/)
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean),
    ),
  ]
  return [
    ...previous.filter((l) => !l.code),
    ...codes.map((code) => previous.find((l) => l.code === code) ?? { id: newDirectoryId(), code }),
  ]
}

export const phonesText = (phones: readonly DirPhone[]): string =>
  phones.map((p) => p.number).join('\n')

/** Phones from one number a line; a number already listed keeps its record. */
export const phonesFrom = (text: string, previous: readonly DirPhone[]): DirPhone[] =>
  text
    .split('\n')
    .map((n) => n.trim())
    .filter(Boolean)
    .map(
      (number) =>
        previous.find((p) => p.number === number) ?? {
          id: newDirectoryId(),
          number,
          type: 'voice',
          languages: [],
        },
    )

/** The weekly hours the form edits: the first plain weekly schedule (same days every week). */
export const editableSchedule = (schedules: readonly DirSchedule[]): DirSchedule | undefined =>
  schedules.find(
    (s) =>
      (s.freq ?? 'WEEKLY') === 'WEEKLY' &&
      (s.interval ?? 1) === 1 &&
      s.byday !== undefined &&
      parseByday(s.byday).every((d) => d.ordinal === undefined) &&
      s.opensAt !== undefined &&
      s.closesAt !== undefined,
  )

export const scheduleDays = (s: DirSchedule | undefined): Weekday[] =>
  parseByday(s?.byday).map((d) => d.day)

/** The schedules with the edited weekly hours replaced (or removed when days or times are empty). */
export const schedulesWith = (
  schedules: readonly DirSchedule[],
  edited: DirSchedule | undefined,
  hours: { days: Weekday[]; opens: string; closes: string },
): DirSchedule[] => {
  const others = schedules.filter((s) => s !== edited)
  if (hours.days.length === 0 || !hours.opens || !hours.closes) return others
  const weekly = weeklySchedule(
    edited?.id ?? newDirectoryId(),
    hours.days,
    hours.opens,
    hours.closes,
  )
  return [{ ...edited, ...weekly }, ...others]
}

/** A public contact point as the form edits it: a desk or role, an e-mail, one phone. */
export interface ContactDraft {
  id: string
  name: string
  email: string
  phone: string
}

export const contactDrafts = (contacts: readonly DirContact[]): ContactDraft[] =>
  contacts.map((c) => ({
    id: c.id,
    name: c.name ?? '',
    email: c.email ?? '',
    phone: c.phones[0]?.number ?? '',
  }))

export const newContactDraft = (): ContactDraft => ({
  id: newDirectoryId(),
  name: '',
  email: '',
  phone: '',
})

/** Contacts from the drafts; empty drafts are left out, other phones and fields carried over. */
export const contactsFrom = (
  drafts: readonly ContactDraft[],
  previous: readonly DirContact[],
): DirContact[] =>
  drafts
    .filter((d) => d.name.trim() || d.email.trim() || d.phone.trim())
    .map((d) => {
      const before = previous.find((c) => c.id === d.id)
      const [first, ...rest] = before?.phones ?? []
      const number = d.phone.trim()
      const phones = number
        ? [
            { ...(first ?? { id: newDirectoryId(), type: 'voice', languages: [] }), number },
            ...rest,
          ]
        : rest
      return { ...before, id: d.id, name: optional(d.name), email: optional(d.email), phones }
    })

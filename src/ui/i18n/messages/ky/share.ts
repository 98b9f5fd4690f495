import type { Messages } from '../../define.ts'

// Machine-assisted Kyrgyz, to be reviewed by a native speaker (see README, Languages).
export const shareKy = {
  'share.toggle': 'Ким менен бөлүшүлгөн: {summary}',
  'share.summary.none': 'башка мекеме жок',
  'share.summary.count': { one: '{count} мекеме', other: '{count} мекеме' },
  'share.level.none': 'Кирүү укугу жок',
  'share.level.read': 'Окуй алат',
  'share.level.write': 'Түзөтө алат',
  'share.hint':
    'Бул жерде тандалган мекеменин мүчөлөрү бул документти ача алышат. Өзгөртүү дароо күчүнө кирет, аны ачып турган адамдар үчүн да.',
  'share.readOnly.observer': 'Байкоочулар бул документ ким менен бөлүшүлөрүн өзгөртө алышпайт.',
  'share.readOnly.otherAgency':
    'Документ ким менен бөлүшүлөрүн анын ээси болгон {agency} гана өзгөртө алат.',
  'share.offline':
    'Бөлүшүү үчүн сервер менен байланыш керек. Түзмөк кайра онлайн болгондо өзгөртө аласыз.',
  'share.fromIndex': 'Документтердин тизмеси боюнча, ал бөлүшүлгөн: {agencies}.',
  'share.fromIndexNone': 'Документтердин тизмеси боюнча, ал эч ким менен бөлүшүлгөн эмес.',
  'share.noAgencies': 'Бул өнөктөштүктө башка мекеме жок.',
  'share.saved': '{agency}: {level}.',
  'share.retry': 'Кайра аракет кылуу',
  'share.error.unreachable': 'Серверге туташуу мүмкүн эмес. Онлайн болгондо кайра аракет кылыңыз.',
  'share.error.notOnServer':
    'Бул документ серверге али жете элек. Бул түзмөк аны жөнөткөндөн кийин бөлүшсө болот.',
  'share.error.noAccess': 'Бул документ ким менен бөлүшүлгөнүн көрө албайсыз.',
  'share.error.forbidden':
    'Документ ким менен бөлүшүлөрүн анын ээси болгон мекеменин мүчөлөрү гана өзгөртө алышат.',
  'share.error.revoked': 'Бул түзмөк ажыратылган.',
  'share.error.failed': 'Бөлүшүүнү өзгөртүү мүмкүн болгон жок: {message}',
} satisfies Messages

import type { Messages } from '../../define.ts'

// Machine-assisted Kyrgyz, to be reviewed by a native speaker (see README, Languages).
export const settingsKy = {
  'settings.title': 'Жөндөөлөр',
  'settings.language.heading': 'Интерфейстин тили',
  'settings.storage.heading': 'Бул түзмөктөгү сактагыч',
  'settings.storage.help':
    'Көпүрөлөр интернетсиз иштеши үчүн сиз ачкан ар бир документти ушул түзмөктө сактайт. Орун аз калганда да бул маалыматты сактап калууну браузерден сураңыз.',
  'settings.storage.persist': 'Документтерди бул түзмөктө сактоо',
  'settings.storage.asking': 'Браузерден суралууда…',
  'settings.storage.granted':
    'Браузер Көпүрөлөрдүн маалыматын сиз системадан чыкканга чейин сактайт.',
  'settings.storage.notGranted':
    'Браузер маалыматты сактоого убада берген жок: орун аз калганда аны өчүрүп салышы мүмкүн. Көпүрөлөрдү башкы экранга же кыстармаларга кошуу көбүнчө жардам берет.',
  'settings.storage.unsupported': 'Бул браузерден маалыматты сактап калууну сураганга болбойт.',
  'settings.storage.usage': 'Колдонулду: {used} / {quota}',
  'settings.storage.usageUnknown': 'Браузер канча орун колдонулганын айтпайт.',
  'settings.me.heading': 'Мен киммин',
  'settings.me.name': 'Аты',
  'settings.me.agency': 'Мекеме',
  'settings.me.role': 'Ролу',
  'settings.me.unknown':
    'Сиздин маалыматыңыз бул түзмөккө али келе элек; ал биринчи байланышта келет.',
  'settings.logout.heading': 'Системадан чыгуу',
  'settings.logout.help':
    'Системадан чыкканда бул түзмөктөгү бардык документтер өчүрүлөт. Түзмөктү башка адамга бергенде же анда Көпүрөлөрдү колдонбой калганда чыгыңыз.',
  'settings.logout.button': 'Системадан чыгуу…',
  'settings.logout.warning':
    'Бул түзмөктөгү бардык документтер өчүрүлөт. Серверде али сактала элек ар бир өзгөртүү биротоло жоголот.',
  'settings.logout.pending': {
    one: 'Бул түзмөктөгү {count} өзгөртүү серверде али сактала элек жана жоголот.',
    other: 'Бул түзмөктөгү {count} өзгөртүү серверде али сактала элек жана жоголот.',
  },
  'settings.logout.waitHint':
    'Системадан чыгардан мурун интернетке туташып, алар сакталганча күтүңүз.',
  'settings.logout.confirm': 'Бул түзмөктү тазалап, системадан чыгуу',
  'settings.logout.working': 'Тазаланууда…',
} satisfies Messages

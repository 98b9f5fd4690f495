import type { Messages } from '../../define.ts'

// Machine-assisted Kyrgyz, to be reviewed by a native speaker (see README, Languages).
export const adminKy = {
  'admin.title': 'Түзмөктөр жана чакыруулар',
  'admin.offline':
    'Түзмөктөрдү жана чакырууларды башкаруу үчүн сервер менен байланыш керек. Документтериңиз интернетсиз деле иштей берет.',
  'admin.retry': 'Кайра аракет кылуу',
  'admin.invite.heading': 'Адамды чакыруу',
  'admin.invite.help':
    'Бир чакыруу бир түзмөктү каттайт. Кодду же шилтемени адамга өзүңүз тапшырыңыз.',
  'admin.invite.kind': 'Чакыруу ким үчүн?',
  'admin.invite.kind.new': 'Мекемемдеги жаңы адам үчүн',
  'admin.invite.kind.existing': 'Мекемемде мурунтан бар адам үчүн (башка түзмөк)',
  'admin.invite.name': 'Аты',
  'admin.invite.role': 'Ролу',
  'admin.invite.member': 'Адам',
  'admin.invite.submit': 'Чакыруу түзүү',
  'admin.invite.creating': 'Түзүлүүдө…',
  'admin.invite.nameRequired': 'Адамдын атын жазыңыз.',
  'admin.invite.memberRequired': 'Адамды тандаңыз.',
  'admin.invitation.heading': 'Чакыруу: {name}',
  'admin.invitation.code': 'Чакыруу коду',
  'admin.invitation.link': 'Чакыруу шилтемеси',
  'admin.invitation.copy': 'Шилтемени көчүрүү',
  'admin.invitation.copied': 'Шилтеме көчүрүлдү.',
  'admin.invitation.copyFailed': 'Көчүрүү мүмкүн болгон жок: шилтемени белгилеп, колго көчүрүңүз.',
  'admin.invitation.expires': '{date} чейин жарактуу жана бир гана жолу иштейт.',
  'admin.invitation.done': 'Даяр',
  'admin.devices.headingAgency': 'Мекемемдеги түзмөктөр',
  'admin.devices.headingOwn': 'Менин түзмөктөрүм',
  'admin.devices.help':
    'Жоголгон же уурдалган түзмөктү ажыратыңыз: сервер аны дароо четке кагат жана ага документтерди мындан ары жөнөтпөйт.',
  'admin.devices.empty': 'Түзмөктөр жок.',
  'admin.device.enrolled': 'Катталган күнү: {date}',
  'admin.device.active': 'Активдүү',
  'admin.device.revokedOn': 'Ажыратылган күнү: {date}',
  'admin.device.this': 'бул түзмөк',
  'admin.device.revoke': 'Ажыратуу',
  'admin.device.revokeLabel': '{label} түзмөгүн ажыратуу ({name})',
  'admin.device.confirm':
    '{name} колдонгон «{label}» түзмөгүн ажыратасызбы? Мындан ары сервер аны четке кагат. Муну кайра кайтарууга болбойт, бирок адамды кайра чакырса болот.',
  'admin.device.confirmThis':
    'Бул сиз азыр колдонуп жаткан түзмөк: ал шайкештирүүнү токтотот, андан кийин аны тазалоо үчүн системадан чыгышыңыз керек.',
  'admin.device.confirmRevoke': 'Ооба, ажыратуу',
  'admin.device.revoked': '«{label}» түзмөгү ажыратылды.',
  'admin.members.heading': 'Мекемемдеги адамдар',
  'admin.members.help':
    'Адамды алып салганда ал өнөктөштүктөн чыгарылат жана сервер анын бардык түзмөктөрүн четке кагат. Ал жазган документтер сакталып калат.',
  'admin.members.empty': 'Мекемеңизде азырынча башка эч ким жок.',
  'admin.member.activeDevices': {
    one: '{count} активдүү түзмөк',
    other: '{count} активдүү түзмөк',
  },
  'admin.member.remove': 'Алып салуу',
  'admin.member.removeLabel': '{name} алып салуу',
  'admin.member.confirm':
    '{name} өнөктөштүктөн алып саласызбы? Сервер анын бардык түзмөктөрүн четке кагат.',
  'admin.member.confirmRemove': 'Ооба, алып салуу',
  'admin.member.removed': 'Өнөктөштүктөн алынып салынды: {name}.',
  'admin.member.unknown': 'Белгисиз адам',
  'admin.member.formerly': '{name} (алынып салынган)',
  'admin.error.unreachable':
    'Серверге туташуу мүмкүн болгон жок. Байланышты текшерип, кайра аракет кылыңыз.',
  'admin.error.forbidden':
    'Сиз муну жасай албайсыз: өз мекемесинин түзмөктөрүн жана адамдарын координатор гана башкарат.',
  'admin.error.revoked':
    'Бул түзмөк ажыратылган же сиздин мүчөлүгүңүз бүткөн: сервер аны мындан ары кабыл албайт.',
} satisfies Messages

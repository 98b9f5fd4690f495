import { defineMessages } from '../define.ts'
import { adminKy } from './ky/admin.ts'

// Devices and invitations: the coordinator's invitations, device revocation, member removal.
export const admin = defineMessages({
  en: {
    'admin.title': 'Devices and invitations',
    'admin.offline':
      'Managing devices and invitations needs a connection to the server. Your documents still work offline.',
    'admin.retry': 'Try again',
    'admin.invite.heading': 'Invite a person',
    'admin.invite.help':
      'One invitation enrols one device. Hand the code or the link to the person yourself.',
    'admin.invite.kind': 'Who is the invitation for?',
    'admin.invite.kind.new': 'A new person in my agency',
    'admin.invite.kind.existing': 'Someone already in my agency (another device)',
    'admin.invite.name': 'Name',
    'admin.invite.role': 'Role',
    'admin.invite.member': 'Person',
    'admin.invite.submit': 'Create invitation',
    'admin.invite.creating': 'Creating…',
    'admin.invite.nameRequired': "Enter the person's name.",
    'admin.invite.memberRequired': 'Choose a person.',
    'admin.invitation.heading': 'Invitation for {name}',
    'admin.invitation.code': 'Invitation code',
    'admin.invitation.link': 'Invitation link',
    'admin.invitation.copy': 'Copy link',
    'admin.invitation.copied': 'Link copied.',
    'admin.invitation.copyFailed': 'Could not copy: select the link and copy it by hand.',
    'admin.invitation.expires': 'Valid until {date}, and only once.',
    'admin.invitation.done': 'Done',
    'admin.devices.headingAgency': 'Devices in my agency',
    'admin.devices.headingOwn': 'My devices',
    'admin.devices.help':
      'Revoke a lost or stolen device: the server refuses it at once and sends it no more documents.',
    'admin.devices.empty': 'No devices.',
    'admin.device.enrolled': 'Enrolled {date}',
    'admin.device.active': 'Active',
    'admin.device.revokedOn': 'Revoked {date}',
    'admin.device.this': 'this device',
    'admin.device.revoke': 'Revoke',
    'admin.device.revokeLabel': 'Revoke device {label} ({name})',
    'admin.device.confirm':
      'Revoke the device “{label}” of {name}? From now on the server refuses it. This cannot be undone, but the person can be invited again.',
    'admin.device.confirmThis':
      'This is the device you are using: it stops syncing, and you should then log out to wipe it.',
    'admin.device.confirmRevoke': 'Yes, revoke',
    'admin.device.revoked': 'Device “{label}” revoked.',
    'admin.members.heading': 'People in my agency',
    'admin.members.help':
      'Removing a person takes them out of the partnership and the server refuses all their devices. Documents they wrote stay.',
    'admin.members.empty': 'No one else in your agency yet.',
    'admin.member.activeDevices': { one: '{count} active device', other: '{count} active devices' },
    'admin.member.remove': 'Remove',
    'admin.member.removeLabel': 'Remove {name}',
    'admin.member.confirm':
      'Remove {name} from the partnership? The server will refuse all their devices.',
    'admin.member.confirmRemove': 'Yes, remove',
    'admin.member.removed': '{name} was removed from the partnership.',
    'admin.member.unknown': 'Unknown person',
    'admin.member.formerly': '{name} (removed)',
    'admin.error.unreachable':
      'The server could not be reached. Check the connection and try again.',
    'admin.error.forbidden':
      'You may not do this: only a coordinator manages the devices and people of their own agency.',
    'admin.error.revoked':
      'This device was revoked or your membership ended: the server no longer accepts it.',
  },
  pl: {
    'admin.title': 'Urządzenia i zaproszenia',
    'admin.offline':
      'Zarządzanie urządzeniami i zaproszeniami wymaga połączenia z serwerem. Dokumenty nadal działają bez połączenia.',
    'admin.retry': 'Spróbuj ponownie',
    'admin.invite.heading': 'Zaproś osobę',
    'admin.invite.help':
      'Jedno zaproszenie rejestruje jedno urządzenie. Przekaż kod lub link bezpośrednio tej osobie.',
    'admin.invite.kind': 'Dla kogo jest zaproszenie?',
    'admin.invite.kind.new': 'Dla nowej osoby z mojej instytucji',
    'admin.invite.kind.existing':
      'Dla osoby, która już jest w mojej instytucji (kolejne urządzenie)',
    'admin.invite.name': 'Imię i nazwisko',
    'admin.invite.role': 'Rola',
    'admin.invite.member': 'Osoba',
    'admin.invite.submit': 'Utwórz zaproszenie',
    'admin.invite.creating': 'Tworzenie…',
    'admin.invite.nameRequired': 'Wpisz imię i nazwisko osoby.',
    'admin.invite.memberRequired': 'Wybierz osobę.',
    'admin.invitation.heading': 'Zaproszenie dla: {name}',
    'admin.invitation.code': 'Kod zaproszenia',
    'admin.invitation.link': 'Link z zaproszeniem',
    'admin.invitation.copy': 'Kopiuj link',
    'admin.invitation.copied': 'Skopiowano link.',
    'admin.invitation.copyFailed': 'Nie udało się skopiować — zaznacz link i skopiuj go ręcznie.',
    'admin.invitation.expires': 'Zaproszenie jest ważne do {date} i działa tylko raz.',
    'admin.invitation.done': 'Gotowe',
    'admin.devices.headingAgency': 'Urządzenia w mojej instytucji',
    'admin.devices.headingOwn': 'Moje urządzenia',
    'admin.devices.help':
      'Zgubione lub skradzione urządzenie odłącz: serwer od razu przestanie je przyjmować i nie wyśle mu już żadnych dokumentów.',
    'admin.devices.empty': 'Brak urządzeń.',
    'admin.device.enrolled': 'Zarejestrowane {date}',
    'admin.device.active': 'Aktywne',
    'admin.device.revokedOn': 'Odłączone {date}',
    'admin.device.this': 'to urządzenie',
    'admin.device.revoke': 'Odłącz',
    'admin.device.revokeLabel': 'Odłącz urządzenie {label} ({name})',
    'admin.device.confirm':
      'Odłączyć urządzenie „{label}” ({name})? Od tej chwili serwer będzie je odrzucać. Nie można tego cofnąć, ale tę osobę można zaprosić ponownie.',
    'admin.device.confirmThis':
      'To urządzenie, którego teraz używasz: przestanie się synchronizować, a potem należy się na nim wylogować, aby usunąć dane.',
    'admin.device.confirmRevoke': 'Tak, odłącz',
    'admin.device.revoked': 'Urządzenie „{label}” zostało odłączone.',
    'admin.members.heading': 'Osoby w mojej instytucji',
    'admin.members.help':
      'Usunięcie osoby wyłącza ją z partnerstwa, a serwer odrzuca wszystkie jej urządzenia. Napisane przez nią dokumenty pozostają.',
    'admin.members.empty': 'W Twojej instytucji nie ma jeszcze innych osób.',
    'admin.member.activeDevices': {
      one: '{count} aktywne urządzenie',
      few: '{count} aktywne urządzenia',
      many: '{count} aktywnych urządzeń',
      other: '{count} aktywnego urządzenia',
    },
    'admin.member.remove': 'Usuń',
    'admin.member.removeLabel': 'Usuń osobę: {name}',
    'admin.member.confirm':
      'Usunąć z partnerstwa osobę: {name}? Serwer będzie odrzucać wszystkie jej urządzenia.',
    'admin.member.confirmRemove': 'Tak, usuń',
    'admin.member.removed': 'Usunięto z partnerstwa osobę: {name}.',
    'admin.member.unknown': 'Nieznana osoba',
    'admin.member.formerly': '{name} (poza partnerstwem)',
    'admin.error.unreachable':
      'Nie udało się połączyć z serwerem. Sprawdź połączenie i spróbuj ponownie.',
    'admin.error.forbidden':
      'Nie masz do tego uprawnień: tylko koordynator zarządza urządzeniami i osobami swojej instytucji.',
    'admin.error.revoked':
      'To urządzenie zostało odłączone albo Twoje członkostwo wygasło — serwer już go nie przyjmuje.',
  },
  ru: {
    'admin.title': 'Устройства и приглашения',
    'admin.offline':
      'Для управления устройствами и приглашениями нужно подключение к серверу. Документы при этом работают и без интернета.',
    'admin.retry': 'Повторить',
    'admin.invite.heading': 'Пригласить человека',
    'admin.invite.help':
      'Одно приглашение регистрирует одно устройство. Передайте код или ссылку этому человеку лично.',
    'admin.invite.kind': 'Для кого приглашение?',
    'admin.invite.kind.new': 'Для нового сотрудника моей организации',
    'admin.invite.kind.existing':
      'Для сотрудника, который уже есть в моей организации (ещё одно устройство)',
    'admin.invite.name': 'Имя',
    'admin.invite.role': 'Роль',
    'admin.invite.member': 'Сотрудник',
    'admin.invite.submit': 'Создать приглашение',
    'admin.invite.creating': 'Создание…',
    'admin.invite.nameRequired': 'Введите имя человека.',
    'admin.invite.memberRequired': 'Выберите сотрудника.',
    'admin.invitation.heading': 'Приглашение для: {name}',
    'admin.invitation.code': 'Код приглашения',
    'admin.invitation.link': 'Ссылка-приглашение',
    'admin.invitation.copy': 'Копировать ссылку',
    'admin.invitation.copied': 'Ссылка скопирована.',
    'admin.invitation.copyFailed':
      'Не удалось скопировать — выделите ссылку и скопируйте её вручную.',
    'admin.invitation.expires': 'Приглашение действует до {date} и только один раз.',
    'admin.invitation.done': 'Готово',
    'admin.devices.headingAgency': 'Устройства моей организации',
    'admin.devices.headingOwn': 'Мои устройства',
    'admin.devices.help':
      'Отключите потерянное или украденное устройство: сервер сразу перестанет его принимать и больше не отправит на него документы.',
    'admin.devices.empty': 'Устройств нет.',
    'admin.device.enrolled': 'Зарегистрировано {date}',
    'admin.device.active': 'Активно',
    'admin.device.revokedOn': 'Отключено {date}',
    'admin.device.this': 'это устройство',
    'admin.device.revoke': 'Отключить',
    'admin.device.revokeLabel': 'Отключить устройство {label} ({name})',
    'admin.device.confirm':
      'Отключить устройство «{label}» ({name})? С этого момента сервер будет его отклонять. Отменить это нельзя, но человека можно пригласить снова.',
    'admin.device.confirmThis':
      'Это устройство, которым вы сейчас пользуетесь: оно перестанет синхронизироваться, и затем из него нужно выйти, чтобы удалить данные.',
    'admin.device.confirmRevoke': 'Да, отключить',
    'admin.device.revoked': 'Устройство «{label}» отключено.',
    'admin.members.heading': 'Сотрудники моей организации',
    'admin.members.help':
      'Удалённый сотрудник исключается из партнёрства, и сервер отклоняет все его устройства. Написанные им документы сохраняются.',
    'admin.members.empty': 'Других сотрудников в вашей организации пока нет.',
    'admin.member.activeDevices': {
      one: '{count} активное устройство',
      few: '{count} активных устройства',
      many: '{count} активных устройств',
      other: '{count} активного устройства',
    },
    'admin.member.remove': 'Удалить',
    'admin.member.removeLabel': 'Удалить сотрудника: {name}',
    'admin.member.confirm':
      'Исключить из партнёрства сотрудника: {name}? Сервер будет отклонять все его устройства.',
    'admin.member.confirmRemove': 'Да, удалить',
    'admin.member.removed': 'Сотрудник исключён из партнёрства: {name}.',
    'admin.member.unknown': 'Неизвестный сотрудник',
    'admin.member.formerly': '{name} (вне партнёрства)',
    'admin.error.unreachable':
      'Не удалось связаться с сервером. Проверьте подключение и попробуйте ещё раз.',
    'admin.error.forbidden':
      'У вас нет на это прав: только координатор управляет устройствами и сотрудниками своей организации.',
    'admin.error.revoked':
      'Это устройство отключено или ваше участие в партнёрстве завершено — сервер его больше не принимает.',
  },
  ky: adminKy,
})

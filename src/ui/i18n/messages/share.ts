import { defineMessages } from '../define.ts'
import { shareKy } from './ky/share.ts'

/** The document's sharing panel: which other agencies may read or edit it. */
export const share = defineMessages({
  en: {
    'share.toggle': 'Shared with: {summary}',
    'share.summary.none': 'no other agency',
    'share.summary.count': { one: '{count} agency', other: '{count} agencies' },
    'share.level.none': 'No access',
    'share.level.read': 'Can read',
    'share.level.write': 'Can edit',
    'share.hint':
      'Members of an agency chosen here can open this document. A change applies at once, also for anyone who has it open.',
    'share.readOnly.observer': 'Observers cannot change who this document is shared with.',
    'share.readOnly.otherAgency':
      'Only {agency}, which owns this document, can change who it is shared with.',
    'share.offline':
      'Sharing needs a connection to the server. You can change it when this device is online again.',
    'share.fromIndex': 'According to the list of documents, it is shared with: {agencies}.',
    'share.fromIndexNone': 'According to the list of documents, it is not shared.',
    'share.noAgencies': 'There is no other agency in this partnership.',
    'share.saved': '{agency}: {level}.',
    'share.retry': 'Try again',
    'share.error.unreachable': 'The server cannot be reached. Try again when you are online.',
    'share.error.notOnServer':
      'This document has not reached the server yet. It can be shared once this device has sent it.',
    'share.error.noAccess': 'You cannot see who this document is shared with.',
    'share.error.forbidden': 'Only members of the owning agency may change who it is shared with.',
    'share.error.revoked': 'This device was revoked.',
    'share.error.failed': 'Sharing could not be changed: {message}',
  },
  pl: {
    'share.toggle': 'Udostępnienie: {summary}',
    'share.summary.none': 'brak',
    'share.summary.count': {
      one: '{count} instytucja',
      few: '{count} instytucje',
      many: '{count} instytucji',
      other: '{count} instytucji',
    },
    'share.level.none': 'Brak dostępu',
    'share.level.read': 'Może czytać',
    'share.level.write': 'Może edytować',
    'share.hint':
      'Członkowie wybranej tu instytucji mogą otworzyć ten dokument. Zmiana działa od razu, także u osób, które mają go otwartego.',
    'share.readOnly.observer': 'Obserwator nie może zmieniać, komu udostępniono ten dokument.',
    'share.readOnly.otherAgency':
      'Tylko {agency}, do której należy ten dokument, może zmieniać, komu go udostępniono.',
    'share.offline':
      'Udostępnianie wymaga połączenia z serwerem. Zmienisz je, gdy urządzenie znów będzie online.',
    'share.fromIndex': 'Według listy dokumentów udostępniono go: {agencies}.',
    'share.fromIndexNone': 'Według listy dokumentów nie jest udostępniony.',
    'share.noAgencies': 'W tym partnerstwie nie ma innej instytucji.',
    'share.saved': '{agency}: {level}.',
    'share.retry': 'Spróbuj ponownie',
    'share.error.unreachable':
      'Nie można połączyć się z serwerem. Spróbuj ponownie, gdy będziesz online.',
    'share.error.notOnServer':
      'Ten dokument nie dotarł jeszcze na serwer. Można go udostępnić, gdy to urządzenie go wyśle.',
    'share.error.noAccess': 'Nie możesz zobaczyć, komu udostępniono ten dokument.',
    'share.error.forbidden':
      'Tylko członkowie instytucji, do której należy dokument, mogą zmieniać udostępnienie.',
    'share.error.revoked': 'To urządzenie zostało odwołane.',
    'share.error.failed': 'Nie udało się zmienić udostępnienia: {message}',
  },
  ru: {
    'share.toggle': 'Доступ: {summary}',
    'share.summary.none': 'только у своей организации',
    'share.summary.count': {
      one: '{count} организация',
      few: '{count} организации',
      many: '{count} организаций',
      other: '{count} организации',
    },
    'share.level.none': 'Нет доступа',
    'share.level.read': 'Может читать',
    'share.level.write': 'Может редактировать',
    'share.hint':
      'Сотрудники выбранной здесь организации могут открыть этот документ. Изменение действует сразу, в том числе для тех, у кого он открыт.',
    'share.readOnly.observer': 'Наблюдатель не может менять доступ к этому документу.',
    'share.readOnly.otherAgency':
      'Менять доступ к документу может только {agency} — организация, которой он принадлежит.',
    'share.offline':
      'Для изменения доступа нужно соединение с сервером. Это можно будет сделать, когда устройство снова будет в сети.',
    'share.fromIndex': 'По списку документов доступ есть у: {agencies}.',
    'share.fromIndexNone': 'По списку документов доступа нет ни у кого другого.',
    'share.noAgencies': 'В этом партнёрстве нет других организаций.',
    'share.saved': '{agency}: {level}.',
    'share.retry': 'Повторить',
    'share.error.unreachable': 'Сервер недоступен. Повторите, когда будете в сети.',
    'share.error.notOnServer':
      'Этот документ ещё не дошёл до сервера. Открыть к нему доступ можно, когда устройство его отправит.',
    'share.error.noAccess': 'Вы не можете видеть, у кого есть доступ к этому документу.',
    'share.error.forbidden':
      'Менять доступ могут только сотрудники организации, которой принадлежит документ.',
    'share.error.revoked': 'Доступ этого устройства отозван.',
    'share.error.failed': 'Не удалось изменить доступ: {message}',
  },
  ky: shareKy,
})

import { defineMessages } from '../define.ts'
import { openDocumentKy } from './ky/document.ts'

/** One open document: its status, presence and the family plan's sections. */
export const openDocument = defineMessages({
  en: {
    'document.back': 'All documents',
    'document.untitled': 'Untitled document',
    'document.loading': 'Opening the document on this device…',
    'document.invalidId': 'This is not a valid document address.',
    'document.notHere': 'This document has not reached this device yet.',
    'document.notHereHint':
      'It appears as soon as this device connects to the server, if your agency has access to it.',
    'document.waiting': 'Waiting for the document’s content from the server…',
    'document.status.label': 'This document',
    'document.readOnly.observer': 'You are an observer: you can read this plan but not change it.',
    'document.readOnly.grant': 'Your agency may read this document but not change it.',
    'document.refused.forbidden': 'You have no access to this document.',
    'document.refused.revoked': 'Access for this device was revoked.',
    'document.refused.badRoom': 'This is not a valid document address.',
    'document.refused.tooLarge': 'A change was too large for the server. Shorten the text.',
    'document.refused.purged':
      'The document was deleted under the partnership’s retention rules; its copy on this device is deleted too.',
    'document.refused.other': 'The server refused this document (code {code}).',
    'document.wrongKind': 'This version of Mosty cannot show this kind of document yet.',
    'document.schemaTooNew':
      'This document was saved by a newer version of Mosty. Reload the app to update it.',
    'document.presence.label': 'Also here now',
    'document.presence.inField': '{name} — in “{field}”',
    'document.presence.reading': '{name} — reading',
    'document.editing': { one: '{names} is editing', other: '{names} are editing' },
  },
  pl: {
    'document.back': 'Wszystkie dokumenty',
    'document.untitled': 'Dokument bez tytułu',
    'document.loading': 'Otwieranie dokumentu na tym urządzeniu…',
    'document.invalidId': 'To nie jest poprawny adres dokumentu.',
    'document.notHere': 'Ten dokument nie dotarł jeszcze na to urządzenie.',
    'document.notHereHint':
      'Pojawi się, gdy urządzenie połączy się z serwerem — o ile Twoja instytucja ma do niego dostęp.',
    'document.waiting': 'Oczekiwanie na treść dokumentu z serwera…',
    'document.status.label': 'Ten dokument',
    'document.readOnly.observer':
      'Jesteś obserwatorem: możesz czytać ten plan, ale nie możesz go zmieniać.',
    'document.readOnly.grant':
      'Twoja instytucja może czytać ten dokument, ale nie może go zmieniać.',
    'document.refused.forbidden': 'Nie masz dostępu do tego dokumentu.',
    'document.refused.revoked': 'Dostęp tego urządzenia został cofnięty.',
    'document.refused.badRoom': 'To nie jest poprawny adres dokumentu.',
    'document.refused.tooLarge': 'Zmiana była zbyt duża dla serwera. Skróć tekst.',
    'document.refused.purged':
      'Dokument usunięto zgodnie z zasadami przechowywania partnerstwa; jego kopia na tym urządzeniu też została usunięta.',
    'document.refused.other': 'Serwer odrzucił ten dokument (kod {code}).',
    'document.wrongKind': 'Ta wersja Mostów nie potrafi jeszcze wyświetlić takiego dokumentu.',
    'document.schemaTooNew':
      'Ten dokument zapisała nowsza wersja Mostów. Odśwież aplikację, aby ją zaktualizować.',
    'document.presence.label': 'Teraz są tu także',
    'document.presence.inField': '{name} — w polu „{field}”',
    'document.presence.reading': '{name} — czyta',
    'document.editing': {
      one: '{names} edytuje',
      few: '{names} edytują',
      many: '{names} edytują',
      other: '{names} edytują',
    },
  },
  ru: {
    'document.back': 'Все документы',
    'document.untitled': 'Документ без названия',
    'document.loading': 'Документ открывается на этом устройстве…',
    'document.invalidId': 'Это неверный адрес документа.',
    'document.notHere': 'Этот документ ещё не попал на это устройство.',
    'document.notHereHint':
      'Он появится, когда устройство подключится к серверу, если у вашей организации есть доступ.',
    'document.waiting': 'Ожидание содержимого документа с сервера…',
    'document.status.label': 'Этот документ',
    'document.readOnly.observer': 'Вы наблюдатель: вы можете читать этот план, но не изменять его.',
    'document.readOnly.grant': 'Ваша организация может читать этот документ, но не изменять его.',
    'document.refused.forbidden': 'У вас нет доступа к этому документу.',
    'document.refused.revoked': 'Доступ для этого устройства отозван.',
    'document.refused.badRoom': 'Это неверный адрес документа.',
    'document.refused.tooLarge':
      'Изменение оказалось слишком большим для сервера. Сократите текст.',
    'document.refused.purged':
      'Документ удалён по правилам хранения партнёрства; его копия на этом устройстве тоже удалена.',
    'document.refused.other': 'Сервер отклонил этот документ (код {code}).',
    'document.wrongKind': 'Эта версия «Мостов» пока не умеет показывать такие документы.',
    'document.schemaTooNew':
      'Этот документ сохранён более новой версией «Мостов». Перезагрузите приложение, чтобы обновить его.',
    'document.presence.label': 'Сейчас здесь также',
    'document.presence.inField': '{name} — в поле «{field}»',
    'document.presence.reading': '{name} — читает',
    'document.editing': {
      one: '{names} редактирует',
      few: '{names} редактируют',
      many: '{names} редактируют',
      other: '{names} редактируют',
    },
  },
  ky: openDocumentKy,
})

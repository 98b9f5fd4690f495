import { defineMessages } from '../define.ts'
import { referralsKy } from './ky/referrals.ts'

/** The referral inbox, the new-referral form and the navigation link to them. */
export const referrals = defineMessages({
  en: {
    'referrals.heading': 'Referrals',
    'referrals.loading': 'Loading the partnership’s referrals…',
    'referrals.noMembership':
      'This device does not know your agency yet. Connect to the internet once to see referrals.',
    'referrals.tabs.label': 'Show',
    'referrals.tab.action': 'Needs my action',
    'referrals.tab.received': 'Received',
    'referrals.tab.sent': 'Sent',
    'referrals.count': { one: '{count} referral', other: '{count} referrals' },
    'referrals.overdueCount': { one: '{count} overdue', other: '{count} overdue' },
    'referrals.empty.action': 'Nothing waits for your agency right now.',
    'referrals.empty.received': 'No referral has been sent to your agency yet.',
    'referrals.empty.sent': 'Your agency has not referred anyone yet.',
    'referrals.row.to': 'to {agency}',
    'referrals.row.from': 'from {agency}',
    'referrals.new.open': 'New referral',
    'referrals.new.observer': 'As an observer you can read referrals but not make them.',
    'referrals.new.heading': 'New referral',
    'referrals.new.lead':
      'It starts as a draft on this device, also without internet. Send it from the referral when it is ready.',
    'referrals.new.agency': 'Refer to',
    'referrals.new.agencyChoose': 'Choose an agency',
    'referrals.new.service': 'Service (optional)',
    'referrals.new.serviceHint':
      'Choose one of the agency’s services in the partnership’s directory, or name it (e.g. family therapy).',
    'referrals.new.person': 'Who is referred',
    'referrals.new.kind': 'A person or a whole family',
    'referrals.new.code': 'Case code',
    'referrals.new.codeHint':
      'A case code, never a name — for example R-2026-014. It needs at least one digit. Every agency of the partnership sees it in its lists.',
    'referrals.new.textHint':
      'Optional here: you can also write both in the referral itself. Avoid names.',
    'referrals.new.submit': 'Create draft',
    'referrals.new.creating': 'Creating…',
    'referrals.new.error.agency': 'Choose the agency you refer to.',
    'referrals.new.error.code':
      'Enter a case code: letters, digits and . _ / - with at least one digit, no spaces.',
    'referrals.new.error.service': 'Give the service a name, or leave it empty.',
    'referrals.new.respondByAgreed.working-days': {
      one: 'Proposed from the response time the partnership agreed: {count} working day, weekends and public holidays skipped.',
      other:
        'Proposed from the response time the partnership agreed: {count} working days, weekends and public holidays skipped.',
    },
    'referrals.new.respondByAgreed.hours': {
      one: 'Proposed from the response time the partnership agreed: {count} hour.',
      other: 'Proposed from the response time the partnership agreed: {count} hours.',
    },
  },
  pl: {
    'referrals.heading': 'Skierowania',
    'referrals.loading': 'Wczytywanie skierowań partnerstwa…',
    'referrals.noMembership':
      'To urządzenie nie zna jeszcze Twojej instytucji. Połącz się raz z internetem, aby zobaczyć skierowania.',
    'referrals.tabs.label': 'Pokaż',
    'referrals.tab.action': 'Czekają na moje działanie',
    'referrals.tab.received': 'Otrzymane',
    'referrals.tab.sent': 'Wysłane',
    'referrals.count': {
      one: '{count} skierowanie',
      few: '{count} skierowania',
      many: '{count} skierowań',
      other: '{count} skierowania',
    },
    'referrals.overdueCount': { one: '{count} po terminie', other: '{count} po terminie' },
    'referrals.empty.action': 'Nic nie czeka teraz na Twoją instytucję.',
    'referrals.empty.received': 'Twoja instytucja nie otrzymała jeszcze skierowań.',
    'referrals.empty.sent': 'Twoja instytucja nie wysłała jeszcze skierowań.',
    'referrals.row.to': 'do: {agency}',
    'referrals.row.from': 'od: {agency}',
    'referrals.new.open': 'Nowe skierowanie',
    'referrals.new.observer':
      'Jako obserwator możesz czytać skierowania, ale nie możesz ich wystawiać.',
    'referrals.new.heading': 'Nowe skierowanie',
    'referrals.new.lead':
      'Powstaje jako wersja robocza na tym urządzeniu, także bez internetu. Wyślij je ze skierowania, gdy będzie gotowe.',
    'referrals.new.agency': 'Kieruję do',
    'referrals.new.agencyChoose': 'Wybierz instytucję',
    'referrals.new.service': 'Usługa (nieobowiązkowo)',
    'referrals.new.serviceHint':
      'Wybierz jedną z usług tej instytucji z katalogu partnerstwa albo ją nazwij (np. terapia rodzinna).',
    'referrals.new.person': 'Kogo kierujemy',
    'referrals.new.kind': 'Osoba czy cała rodzina',
    'referrals.new.code': 'Kod sprawy',
    'referrals.new.codeHint':
      'Kod sprawy, nigdy imię i nazwisko — na przykład R-2026-014. Musi zawierać co najmniej jedną cyfrę. Widzą go wszystkie instytucje partnerstwa.',
    'referrals.new.textHint':
      'Tu nieobowiązkowe: oba pola można wypełnić także w samym skierowaniu. Unikaj nazwisk.',
    'referrals.new.submit': 'Utwórz wersję roboczą',
    'referrals.new.creating': 'Tworzenie…',
    'referrals.new.error.agency': 'Wybierz instytucję, do której kierujesz.',
    'referrals.new.error.code':
      'Wpisz kod sprawy: litery, cyfry oraz . _ / -, co najmniej jedna cyfra, bez spacji.',
    'referrals.new.error.service': 'Nazwij usługę albo zostaw pole puste.',
    'referrals.new.respondByAgreed.working-days': {
      one: 'Zaproponowano według uzgodnionego w partnerstwie czasu odpowiedzi: {count} dzień roboczy, bez weekendów i świąt.',
      few: 'Zaproponowano według uzgodnionego w partnerstwie czasu odpowiedzi: {count} dni robocze, bez weekendów i świąt.',
      many: 'Zaproponowano według uzgodnionego w partnerstwie czasu odpowiedzi: {count} dni roboczych, bez weekendów i świąt.',
      other:
        'Zaproponowano według uzgodnionego w partnerstwie czasu odpowiedzi: {count} dnia roboczego, bez weekendów i świąt.',
    },
    'referrals.new.respondByAgreed.hours': {
      one: 'Zaproponowano według uzgodnionego w partnerstwie czasu odpowiedzi: {count} godzina.',
      few: 'Zaproponowano według uzgodnionego w partnerstwie czasu odpowiedzi: {count} godziny.',
      many: 'Zaproponowano według uzgodnionego w partnerstwie czasu odpowiedzi: {count} godzin.',
      other: 'Zaproponowano według uzgodnionego w partnerstwie czasu odpowiedzi: {count} godziny.',
    },
  },
  ru: {
    'referrals.heading': 'Направления',
    'referrals.loading': 'Загрузка направлений партнёрства…',
    'referrals.noMembership':
      'Это устройство ещё не знает вашу организацию. Подключитесь к интернету, чтобы увидеть направления.',
    'referrals.tabs.label': 'Показать',
    'referrals.tab.action': 'Ждут моих действий',
    'referrals.tab.received': 'Полученные',
    'referrals.tab.sent': 'Отправленные',
    'referrals.count': {
      one: '{count} направление',
      few: '{count} направления',
      many: '{count} направлений',
      other: '{count} направления',
    },
    'referrals.overdueCount': { one: 'просрочено: {count}', other: 'просрочено: {count}' },
    'referrals.empty.action': 'Сейчас ничего не ждёт вашу организацию.',
    'referrals.empty.received': 'Вашей организации ещё не присылали направлений.',
    'referrals.empty.sent': 'Ваша организация ещё никого не направляла.',
    'referrals.row.to': 'в: {agency}',
    'referrals.row.from': 'от: {agency}',
    'referrals.new.open': 'Новое направление',
    'referrals.new.observer': 'Как наблюдатель вы можете читать направления, но не создавать их.',
    'referrals.new.heading': 'Новое направление',
    'referrals.new.lead':
      'Создаётся как черновик на этом устройстве, в том числе без интернета. Отправьте его из самого направления, когда оно будет готово.',
    'referrals.new.agency': 'Направить в',
    'referrals.new.agencyChoose': 'Выберите организацию',
    'referrals.new.service': 'Услуга (необязательно)',
    'referrals.new.serviceHint':
      'Выберите одну из услуг этой организации в справочнике партнёрства или назовите её (например, семейная терапия).',
    'referrals.new.person': 'Кого направляем',
    'referrals.new.kind': 'Человек или вся семья',
    'referrals.new.code': 'Код дела',
    'referrals.new.codeHint':
      'Код дела, никогда не имя — например R-2026-014. В нём должна быть хотя бы одна цифра. Его видят все организации партнёрства.',
    'referrals.new.textHint':
      'Здесь необязательно: оба поля можно заполнить и в самом направлении. Избегайте имён.',
    'referrals.new.submit': 'Создать черновик',
    'referrals.new.creating': 'Создание…',
    'referrals.new.error.agency': 'Выберите организацию, в которую направляете.',
    'referrals.new.error.code':
      'Введите код дела: буквы, цифры и . _ / -, хотя бы одна цифра, без пробелов.',
    'referrals.new.error.service': 'Укажите название услуги или оставьте поле пустым.',
    'referrals.new.respondByAgreed.working-days': {
      one: 'Предложено по согласованному в партнёрстве сроку ответа: {count} рабочий день, без выходных и праздников.',
      few: 'Предложено по согласованному в партнёрстве сроку ответа: {count} рабочих дня, без выходных и праздников.',
      many: 'Предложено по согласованному в партнёрстве сроку ответа: {count} рабочих дней, без выходных и праздников.',
      other:
        'Предложено по согласованному в партнёрстве сроку ответа: {count} рабочего дня, без выходных и праздников.',
    },
    'referrals.new.respondByAgreed.hours': {
      one: 'Предложено по согласованному в партнёрстве сроку ответа: {count} час.',
      few: 'Предложено по согласованному в партнёрстве сроку ответа: {count} часа.',
      many: 'Предложено по согласованному в партнёрстве сроку ответа: {count} часов.',
      other: 'Предложено по согласованному в партнёрстве сроку ответа: {count} часа.',
    },
  },
  ky: referralsKy,
})

import type { consultations as en } from '../en/consultations';

type RespondKey = Extract<keyof typeof en, `respond.${string}`>;

/** The respondent's side only (keys starting with "respond."). */
export const ar: Record<RespondKey, string> = {
  'respond.language': 'اللغة',
  'respond.closes': 'مفتوحة حتى {date}.',
  'respond.notOpen': 'هذه الاستشارة غير مفتوحة لتلقي الإجابات.',
  'respond.thanks': 'شكرًا لكم، تم تسجيل إجابتكم. يمكنكم تعديلها حتى إغلاق الاستشارة.',
  'respond.organization': 'الإجابة باسم',
  'respond.required': 'إلزامي',
  'respond.scaleHint': '1 = إطلاقًا، 5 = كثيرًا جدًا',
  'respond.submit': 'إرسال إجابتي',
  'respond.update': 'تعديل إجابتي',
  'respond.outcomeLink': 'الاطلاع على ما تقرر',
  'respond.outcomeTitle': 'قلتم، وفعلنا',
  'respond.decisions': 'ما قررناه',
  'respond.resultsLink': 'الاطلاع على النتائج',
  'respond.meetings': 'الاجتماعات',
  'respond.meetingsNone': 'لا توجد اجتماعات.',
  'respond.meetingType.in_person': 'حضوري',
  'respond.meetingType.online': 'عبر الإنترنت',
  'respond.meetingType.hybrid': 'حضوري وعبر الإنترنت',
  'respond.seatsLeft': 'المقاعد المتبقية: {n}',
  'respond.attend': 'سأحضر',
  'respond.decline': 'لا أستطيع الحضور',
};

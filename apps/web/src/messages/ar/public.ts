import type { publicPages as en } from '../en/public';

export const publicPages: Record<keyof typeof en, string> = {
  'public.outcome.title': 'الصفحة العامة',
  'public.outcome.intro':
    'يمكن لأي شخص قراءة النتيجة العامة دون تسجيل الدخول: العنوان والتواريخ ومن دُعي حسب النوع وعدد المشاركين والنتائج مع تطبيق كل قواعد إخفاء الهوية، وقراراتكم.',
  'public.outcome.isPublic': 'هذه النتيجة عامة.',
  'public.outcome.isPrivate': 'لا يرى هذه النتيجة إلا المنظمات المدعوة.',
  'public.outcome.freeTexts': 'عرض الإجابات المكتوبة أيضًا (فقط حيث كتبت {n} منظمات على الأقل إجابة)',
  'public.outcome.publish': 'جعلها عامة',
  'public.outcome.save': 'حفظ',
  'public.outcome.withdraw': 'سحبها من الصفحة العامة',
  'public.outcome.view': 'فتح الصفحة العامة',
};

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
  'public.listing.intro':
    'يظهر البرنامج المُدرج في الصفحة العامة لمدينته ما دام نشطًا، ويمكن لأي شخص قراءته دون تسجيل الدخول: عنوانه وأبعاده والشركاء حسب النوع ووسوم أهداف التنمية المستدامة والاتفاق العالمي للهجرة. تبقى المهام والمؤشرات وأسماء الشركاء خاصة.',
  'public.listing.switch': 'الإدراج في الصفحة العامة للمدينة',
  'public.listing.isListed': 'هذا البرنامج مُدرج في الصفحة العامة للمدينة.',
  'public.listing.isListedInactive': 'هذا البرنامج مُدرج؛ وسيظهر في الصفحة العامة للمدينة ما دام نشطًا.',
  'public.listing.isUnlisted': 'لا يرى هذا البرنامج إلا الشركاء.',
  'public.listing.confirmTitle': 'إدراج «{title}» في الصفحة العامة؟',
  'public.listing.confirmBody':
    'سيتمكن أي شخص من قراءة عنوانه وأبعاده والشركاء حسب النوع ووسوم أهداف التنمية المستدامة والاتفاق العالمي للهجرة في الصفحة العامة للمدينة دون تسجيل الدخول. يمكنكم إلغاء إدراجه في أي وقت.',
  'public.listing.confirm': 'الإدراج علنًا',
};

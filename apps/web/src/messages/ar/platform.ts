import type { platform as en } from '../en/platform';

// Arabic has six plural forms (Intl.PluralRules('ar')): zero, one, two, few, many, other.
type Plural = 'list.shown' | 'list.shownOf' | 'error.fieldCount';
type ExtraForm = `${Plural}.${'zero' | 'two' | 'few' | 'many'}`;

export const platform: Record<keyof typeof en, string> & Partial<Record<ExtraForm, string>> = {
  'list.shown.zero': 'لا شيء معروض',
  'list.shown.one': 'معروض واحد',
  'list.shown.two': 'معروضان',
  'list.shown.few': '{count} معروضة',
  'list.shown.many': '{count} معروضًا',
  'list.shown.other': '{count} معروض',
  'list.shownOf.one': 'المعروض {shown} من أصل {count}',
  'list.shownOf.other': 'المعروض {shown} من أصل {count}',
  'list.more': 'عرض المزيد',

  'error.fieldCount.zero': 'يرجى تصحيح الحقول المعلَّمة.',
  'error.fieldCount.one': 'يرجى تصحيح الحقل المعلَّم.',
  'error.fieldCount.two': 'يرجى تصحيح الحقلين المعلَّمين.',
  'error.fieldCount.few': 'يرجى تصحيح الحقول الـ{count} المعلَّمة.',
  'error.fieldCount.many': 'يرجى تصحيح الـ{count} حقلًا المعلَّمة.',
  'error.fieldCount.other': 'يرجى تصحيح الـ{count} حقل المعلَّمة.',

  'validation.required': 'هذا الحقل إلزامي.',
  'validation.minLength': 'يجب ألا يقل عن {n} أحرف.',
  'validation.maxLength': 'يجب ألا يزيد على {n} حرفًا.',
  'validation.min': 'يجب ألا يقل عن {n}.',
  'validation.max': 'يجب ألا يزيد على {n}.',
  'validation.number': 'يجب أن يكون رقمًا.',
  'validation.integer': 'يجب أن يكون عددًا صحيحًا.',
  'validation.date': 'يجب أن يكون تاريخًا صحيحًا.',
  'validation.email': 'يجب أن يكون عنوان بريد إلكتروني صحيحًا.',
  'validation.url': 'يجب أن يكون عنوان ويب صحيحًا.',
  'validation.uuid': 'يجب الاختيار من القائمة.',
  'validation.choice': 'اختر إحدى القيم المعروضة.',
  'validation.notAllowed': 'هذا الحقل غير مقبول هنا.',
  'validation.tooMany': 'عدد القيم كبير جدًا.',
  'validation.tooFew': 'عدد القيم غير كافٍ.',
  'validation.unique': 'لا يجوز تكرار أي قيمة.',
  'validation.invalid': 'هذه القيمة غير صحيحة.',
  'validation.unknownField': '{field}: {message}',

  'confirm.title.generic': 'هل أنت متأكد؟',
  'confirm.programme.active':
    'يصبح البرنامج نشطًا: يمكن إسناد المهام إلى شركائه النشطين. يرى الشركاء الحالة الجديدة في صفحة البرنامج (لا تُرسل أي رسالة).',
  'confirm.programme.suspended':
    'يتوقف العمل على البرنامج حتى استئنافه. يرى الشركاء الحالة الجديدة (لا تُرسل أي رسالة).',
  'confirm.programme.completed':
    'يُغلق البرنامج مكتملًا، ولا رجعة في ذلك. يرى الشركاء الحالة الجديدة (لا تُرسل أي رسالة).',
  'confirm.programme.cancelled':
    'يُلغى البرنامج، ولا رجعة في ذلك. يرى الشركاء الحالة الجديدة (لا تُرسل أي رسالة).',
  'confirm.programme.archived': 'يُؤرشف البرنامج ويصبح للقراءة فقط.',
  'confirm.programme.other': 'تتغيّر حالة البرنامج. يرى الشركاء الحالة الجديدة (لا تُرسل أي رسالة).',
  'confirm.actionTitle': '{action}: «{title}»؟',
  'confirm.consultation.open': 'تُفتح الاستشارة الآن: تُبلَّغ المنظمات المدعوّة ويمكنها الإجابة فورًا.',
  'confirm.consultation.close': 'تُغلق الاستشارة الآن: لن تُقبل أي إجابة بعد ذلك. تُبلَّغ المنظمات المدعوّة.',
  'confirm.consultation.cancel': 'تُلغى الاستشارة وتُبلَّغ المنظمات المدعوّة. لا رجعة في ذلك.',
  'confirm.consultation.schedule': 'ستُفتح الاستشارة وتُغلق في موعديها؛ تُبلَّغ المنظمات المدعوّة عند فتحها.',
  'confirm.consultation.publish': 'يُنشر ما تقرّر: يُبلَّغ كل المدعوّين ويمكنهم قراءته. لا يمكن سحبه بعد النشر.',
  'confirm.question.delete': 'يُحذف السؤال «{title}» من الاستشارة.',
  'confirm.partner.accept': 'تنضم منظمتك إلى البرنامج بدور {role}؛ وتُبلَّغ المنظمة الرائدة.',
  'confirm.partner.decline': 'ترفض منظمتك الانضمام إلى البرنامج؛ وتُبلَّغ المنظمة الرائدة.',
  'confirm.partner.remove': 'تُزال {name} من البرنامج وتُبلَّغ بذلك.',
  'confirm.member.makeAdmin':
    'يصبح {name} مسؤولًا عن المنظمة: يمكنه دعوة الأعضاء وإزالتهم وقبول البرامج باسمها.',
  'confirm.member.makeMember': 'لن يبقى {name} مسؤولًا عن المنظمة.',
  'confirm.member.remove': 'يفقد {name} الوصول إلى كل ما هو مشترك مع المنظمة.',
  'confirm.meeting.cancel': 'يُلغى الاجتماع ويُبلَّغ كل من سجّل للحضور.',
  'confirm.job.replay': 'تُشغَّل المهمة من جديد؛ وقد يُرسل ما ترسله (رسائل بريد، خطافات ويب) مرة ثانية.',
  'confirm.report.cancel': 'يتوقف الجدول؛ ولن تُنتج منه تقارير بعد الآن.',

  'platformRole.user': 'مستخدم',
  'platformRole.admin': 'مسؤول المنصة',
  'language.en': 'الإنجليزية',
  'language.fr': 'الفرنسية',
  'language.es': 'الإسبانية',
  'language.ar': 'العربية',

  'dashboard.progressPhrase':
    '{value} من هدف قدره {target} (قُطع {percent}٪ من الطريق انطلاقًا من القيمة الأساسية {baseline})',
  'dashboard.progressAxis': 'نسبة الطريق المقطوع من القيمة الأساسية إلى الهدف',
  'audit.action.create': 'إنشاء',
  'audit.action.update': 'تعديل',
  'audit.action.delete': 'حذف',
  brand: 'تاندم',
  'sizeBand.micro': 'صغيرة جدًا (أقل من 10 أشخاص)',
  'sizeBand.small': 'صغيرة (من 10 إلى 49 شخصًا)',
  'sizeBand.medium': 'متوسطة (من 50 إلى 249 شخصًا)',
  'sizeBand.large': 'كبيرة (250 شخصًا أو أكثر)',
  'criterion.practical': 'عملية',
  'criterion.innovative': 'مبتكرة',
  'criterion.successful': 'ناجحة',
  'criterion.transferable': 'قابلة للنقل',
};

import type { problems as en } from '../en/problems';

/** Every problem code of the English catalogue (a missing one fails `tsc`). */
export const problems: Record<keyof typeof en, string> = {
  'problem.VALIDATION_FAILED': 'بعض ما أدخلتموه غير صالح. راجعوا النموذج ثم حاولوا مرة أخرى.',
  'problem.MALFORMED_REQUEST': 'تعذّر على الخادم قراءة ما أُرسل. أعيدوا تحميل الصفحة ثم حاولوا مرة أخرى.',
  'problem.UNAUTHENTICATED': 'انتهت جلستكم. سجّلوا الدخول من جديد.',
  'problem.RATE_LIMITED': 'محاولات كثيرة في وقت قصير. انتظروا قليلًا ثم حاولوا مرة أخرى.',
  'problem.PRECONDITION_REQUIRED': 'هذه الصفحة لم تعد محدّثة. أعيدوا تحميلها ثم أجروا تعديلكم من جديد.',
  'problem.CONFLICT': 'كان تعديل آخر يُحفظ في اللحظة نفسها. أعيدوا تحميل الصفحة ثم حاولوا مرة أخرى.',
  'problem.SERVICE_UNAVAILABLE': 'المنصة غير متاحة للحظات، ولم يضع شيء. حاولوا مرة أخرى بعد ثوانٍ.',
  'problem.DEAD_LETTER_ALREADY_REPLAYED': 'أُعيد تشغيل هذه المهمة الخلفية من قبل.',

  'problem.INVALID_CREDENTIALS': 'عنوان البريد الإلكتروني أو كلمة المرور غير صحيح.',
  'problem.ACCOUNT_LOCKED': 'محاولات دخول فاشلة كثيرة. انتظروا بضع دقائق ثم حاولوا مرة أخرى.',
  'problem.INVALID_REFRESH_TOKEN': 'انتهت صلاحية جلستكم. سجّلوا الدخول من جديد.',
  'problem.REFRESH_TOKEN_REUSED': 'حفاظًا على أمانكم، سُجّل خروجكم من كل الأجهزة. سجّلوا الدخول من جديد.',
  'problem.INVITATION_NOT_FOUND': 'رابط الدعوة هذا غير صالح. ربما حلّت محله دعوة أحدث.',
  'problem.INVITATION_ALREADY_USED': 'استُخدمت هذه الدعوة من قبل.',
  'problem.INVITATION_EXPIRED': 'انتهت صلاحية هذه الدعوة. اطلبوا دعوة جديدة.',
  'problem.ALREADY_MEMBER': 'هذا الشخص عضو في المنظمة بالفعل، أو دُعي إليها للتو.',

  'problem.ORGANIZATION_EXISTS': 'توجد منظمة بهذا الاسم في هذا البلد.',
  'problem.LAST_ORG_ADMIN': 'تحتاج المنظمة إلى مسؤول واحد على الأقل. اجعلوا عضوًا آخر مسؤولًا أولًا.',

  'problem.PROGRAMME_TRANSITION_NOT_ALLOWED':
    'لا يمكن نقل البرنامج إلى هذه الحالة من حالته الحالية. أعيدوا تحميل الصفحة لمعرفة حالته.',
  'problem.PROGRAMME_NOT_ACTIVE': 'هذا البرنامج غير نشط، فلم يعد من الممكن تغيير هذا.',
  'problem.ALREADY_PARTNER': 'هذه المنظمة شريكة في البرنامج بالفعل، أو مدعوّة إليه.',
  'problem.PARTNER_NOT_INVITED': 'لا توجد دعوة تنتظر الرد.',
  'problem.PARTNER_NOT_ACTIVE': 'لم تعد هذه المنظمة شريكًا نشطًا في البرنامج.',
  'problem.LEAD_PARTNER_FIXED':
    'تبقى الجهة الرائدة رائدة: لا يمكن تغييرها ولا مغادرتها البرنامج ولا إزالتها منه.',
  'problem.NOT_LEAD_MEMBER': 'يجب أن يكون مديرو البرنامج أعضاء في الجهة الرائدة.',
  'problem.INVALID_DATE_RANGE': 'لا يمكن أن يسبق تاريخ الانتهاء تاريخ البدء.',
  'problem.PERIOD_LOCKED': 'فترة التقرير هذه مقفلة. اطلبوا من مدير البرنامج فتحها.',
  'problem.PERIOD_ALREADY_LOCKED': 'هذه الفترة مقفلة بالفعل.',

  'problem.TASK_TRANSITION_NOT_ALLOWED':
    'لا يمكن نقل المهمة إلى هذه الحالة من حالتها الحالية. أعيدوا تحميل الصفحة لمعرفة حالتها.',
  'problem.TASK_BLOCKED_BY_DEPENDENCY': 'أنجزوا أولًا المهام التي تنتظرها هذه المهمة.',
  'problem.DEPENDENCY_CYCLE': 'ستنتظر هذه المهام بعضها بعضًا في حلقة مغلقة. اختاروا متطلبات سابقة أخرى.',
  'problem.ASSIGNEE_NOT_PARTNER':
    'لا تُسند المهام إلا إلى الشركاء النشطين في البرنامج ممن لهم دور عملي (لا المراقبين).',
  'problem.ASSIGNEE_NOT_MEMBER': 'هذا الشخص ليس عضوًا في المنظمة التي تُسند إليها المهمة.',

  'problem.CONSULTATION_TRANSITION_NOT_ALLOWED':
    'لا يمكن نقل الاستشارة إلى هذه الحالة من حالتها الحالية. أعيدوا تحميل الصفحة لمعرفة حالتها.',
  'problem.CONSULTATION_FROZEN': 'فُتحت هذه الاستشارة: لم يعد من الممكن تغيير أسئلتها وإعداداتها.',
  'problem.CONSULTATION_NOT_OPEN': 'هذه الاستشارة غير مفتوحة: لا تُقبل الإجابات إلا وهي مفتوحة.',
  'problem.RESPONSE_EXISTS': 'أجابت منظمتكم من قبل. عدّلوا إجابتها بدلًا من ذلك.',
  'problem.TRANSLATION_MISSING': 'ينقص نصٌّ في إحدى لغات الاستشارة.',
  'problem.CONSULTATION_INCOMPLETE': 'أضيفوا سؤالًا واحدًا على الأقل قبل جدولة الاستشارة.',
  'problem.NOT_GOVERNMENT': 'لا تُجري الاستشارات إلا السلطات العامة.',
  'problem.INVALID_SCHEDULE': 'راجعوا التواريخ: يجب أن تأتي النهاية بعد البداية وألا تكون قد مضت.',
  'problem.UNKNOWN_REFERENCE': 'إحدى المنظمات أو البرامج المختارة لا يمكن استخدامها هنا.',
  'problem.RESPONDING_ORGANIZATION_REQUIRED': 'أنتم أعضاء في عدة منظمات: اختاروا المنظمة التي تجيبون باسمها.',
  'problem.MEETING_NOT_AVAILABLE': 'هذا الاجتماع أُلغي أو انتهى، أو انتهى التسجيل فيه.',
  'problem.OUTCOME_NOT_PUBLISHED': 'لا يُعلن للعموم إلا ما نُشر من نتائج، ولا تُعرض الإجابات الحرة إلا معها.',

  'problem.EMPLOYER_NOT_PROGRAMME_PARTNER': 'صاحب العمل ليس شريكًا نشطًا في هذا البرنامج.',
  'problem.PARTICIPANT_NOT_PLACEABLE': 'لم يسجّل صاحب العمل هذا الشخص، ولم يُسجَّل في هذا البرنامج.',
  'problem.ORGANIZATION_CANNOT_DO_THIS': 'هذه المنظمة ليست صاحبة عمل. اختاروا صاحب عمل، أو حدّدوا البرنامج.',
  'problem.PLACEMENT_ALREADY_ENDED':
    'انتهى هذا التوظيف: لم يعد من الممكن تغيير بيانات الوظيفة، ويمكن فقط تصحيح تاريخ البدء.',
  'problem.PLACEMENT_ALREADY_LOGGED': 'لدى هذا المشارك بالفعل توظيف لدى صاحب العمل هذا يبدأ في هذا التاريخ.',
  'problem.CHECK_IN_NOT_DUE': 'لا يمكن الرد على هذه المتابعة: لم يحن موعدها، أو سبق الرد عليها أو أُلغيت.',
  'problem.PARTICIPANT_ERASED': 'حُذف سجل هذا الشخص.',
  'problem.INVALID_PLACEMENT_DATE':
    'تحقّق من هذا التاريخ: لا يجوز أن يتجاوز تاريخ البدء اثني عشر شهرًا من الآن ولا أن يقع بعد تاريخ الانتهاء، ويجب أن يقع تاريخ الانتهاء أو المغادرة بين تاريخ البدء واليوم.',
  'problem.IMPORT_NOT_CSV':
    'يجب أن يكون الملف ملفًا نصيًا بصيغة CSV مفصولًا بفواصل وبترميز UTF-8. نزّلوا النموذج لمعرفة الصيغة.',
  'problem.IMPORT_TOO_LARGE': 'الملف أكبر من أن يُستورد دفعة واحدة. قسّموه إلى ملفات أصغر.',

  'problem.REPORT_NOT_READY': 'هذا التقرير غير جاهز، أو تعذّر إعداده. نزّلوه عند اكتماله.',
  'problem.REPORT_EXPIRED': 'انتهت صلاحية ملف هذا التقرير. اطلبوا التقرير من جديد.',
  'problem.RECIPIENT_NOT_ALLOWED': 'لا يحق لهذا المستلم الاطلاع على ما يعرضه التقرير.',

  'problem.WEBHOOK_DESTINATION_NOT_ALLOWED':
    'لا يمكن إرسال الإشعارات إلى هذا العنوان. استخدموا عنوان https عامًا.',

  'problem.GOOD_IDEA_TRANSITION_NOT_ALLOWED':
    'لا يمكن نقل هذه الممارسة إلى تلك المرحلة من مرحلتها الحالية. أعيدوا تحميل الصفحة لمعرفة حالتها.',
  'problem.GOOD_IDEA_NOT_EDITABLE': 'لا يمكن تعديل هذه الممارسة إلا وهي مسودة أو بعد إعادتها.',
  'problem.GOOD_IDEA_NOT_PUBLISHED': 'لا يمكن تأييد الممارسات أو تكييفها إلا بعد نشرها.',
  'problem.GOOD_IDEA_ALREADY_ENDORSED': 'أيّدت منظمتكم هذه الممارسة من قبل.',
  'problem.GOOD_IDEA_TEXT_INCOMPLETE':
    'قبل الإرسال، اكتبوا العنوان والملخص والتحدي والنهج بلغة واحدة على الأقل.',
  'problem.GOOD_IDEA_ASSESSMENT_INCOMPLETE': 'قبل النشر، أعطوا كل معيار تقديرًا وتعليلًا.',
  'problem.GOOD_IDEA_OWN_ORGANIZATION': 'لا يمكن لمنظمة أن تؤيد ممارستها.',
  'problem.GOOD_IDEA_PROGRAMME_NOT_LED': 'اختاروا برنامجًا تقوده منظمتكم.',

  'problem.TERRITORY_EXISTS': 'يوجد إقليم بهذا الرمز.',
  'problem.TERRITORY_PARENT_UNKNOWN': 'أضيفوا أولًا الإقليم الأكبر الذي يتبعه هذا الإقليم.',
  'problem.OBSERVATION_IMPORT_NOT_CSV': 'يجب أن يكون الملف ملف CSV مقروءًا (نصًا مفصولًا بفواصل).',
  'problem.OBSERVATION_IMPORT_INVALID': 'لا يمكن استيراد الملف. راجعوا عناوين أعمدته وعدد صفوفه.',
};

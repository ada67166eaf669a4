import type { problems as en } from '../en/problems';

/** Every problem code of the English catalogue (a missing one fails `tsc`). */
export const problems: Record<keyof typeof en, string> = {
  'problem.VALIDATION_FAILED':
    'Parte de lo que ha escrito no es válido. Revise el formulario e inténtelo de nuevo.',
  'problem.MALFORMED_REQUEST':
    'El servidor no pudo leer lo que se envió. Vuelva a cargar la página e inténtelo de nuevo.',
  'problem.UNAUTHENTICATED': 'Su sesión ha terminado. Vuelva a iniciar sesión.',
  'problem.RATE_LIMITED': 'Demasiados intentos en poco tiempo. Espere un momento y vuelva a intentarlo.',
  'problem.PRECONDITION_REQUIRED': 'Esta página no está al día. Vuelva a cargarla y haga de nuevo su cambio.',
  'problem.CONFLICT':
    'Otro cambio se estaba guardando al mismo tiempo. Vuelva a cargar la página e inténtelo de nuevo.',
  'problem.SERVICE_UNAVAILABLE':
    'Tandem no está disponible por un momento; no se ha perdido nada. Inténtelo de nuevo en unos segundos.',
  'problem.DEAD_LETTER_ALREADY_REPLAYED': 'Este trabajo ya se ha vuelto a ejecutar.',

  'problem.INVALID_CREDENTIALS': 'El correo electrónico o la contraseña no son correctos.',
  'problem.ACCOUNT_LOCKED':
    'Demasiados inicios de sesión fallidos. Espere unos minutos y vuelva a intentarlo.',
  'problem.INVALID_REFRESH_TOKEN': 'Su sesión ha caducado. Vuelva a iniciar sesión.',
  'problem.REFRESH_TOKEN_REUSED':
    'Por seguridad, se ha cerrado su sesión en todos los dispositivos. Vuelva a iniciar sesión.',
  'problem.INVITATION_NOT_FOUND':
    'Este enlace de invitación no es válido. Puede que una invitación más reciente lo haya sustituido.',
  'problem.INVITATION_ALREADY_USED': 'Esta invitación ya se ha utilizado.',
  'problem.INVITATION_EXPIRED': 'Esta invitación ha caducado. Pida una nueva.',
  'problem.ALREADY_MEMBER': 'Esta persona ya es miembro de la organización, o acaba de ser invitada.',

  'problem.ORGANIZATION_EXISTS': 'Ya existe una organización con este nombre en este país.',
  'problem.LAST_ORG_ADMIN':
    'Una organización necesita al menos un administrador. Nombre antes administrador a otro miembro.',

  'problem.PROGRAMME_TRANSITION_NOT_ALLOWED':
    'El programa no puede pasar a este estado desde el actual. Vuelva a cargar la página para ver cómo está.',
  'problem.PROGRAMME_NOT_ACTIVE': 'Este programa no está activo, así que esto ya no se puede cambiar.',
  'problem.ALREADY_PARTNER': 'Esta organización ya es socia del programa, o ya está invitada.',
  'problem.PARTNER_NOT_INVITED': 'No hay ninguna invitación pendiente de respuesta.',
  'problem.PARTNER_NOT_ACTIVE': 'Esta organización ya no es socia activa del programa.',
  'problem.LEAD_PARTNER_FIXED':
    'La organización líder sigue siéndolo: no se puede cambiar, ni salir del programa, ni ser retirada.',
  'problem.NOT_LEAD_MEMBER': 'Los gestores del programa deben ser miembros de la organización líder.',
  'problem.INVALID_DATE_RANGE': 'La fecha de fin no puede ser anterior a la fecha de inicio.',
  'problem.PERIOD_LOCKED':
    'Este periodo de informe está bloqueado. Pida a un gestor del programa que lo desbloquee.',
  'problem.PERIOD_ALREADY_LOCKED': 'Este periodo ya está bloqueado.',

  'problem.TASK_TRANSITION_NOT_ALLOWED':
    'La tarea no puede pasar a este estado desde el actual. Vuelva a cargar la página para ver cómo está.',
  'problem.TASK_BLOCKED_BY_DEPENDENCY': 'Termine primero las tareas de las que depende esta.',
  'problem.DEPENDENCY_CYCLE':
    'Estas tareas se esperarían unas a otras en un círculo. Elija otros requisitos previos.',
  'problem.ASSIGNEE_NOT_PARTNER':
    'Las tareas solo se asignan a socios activos del programa con un papel operativo (no observadores).',
  'problem.ASSIGNEE_NOT_MEMBER': 'Esta persona no es miembro de la organización a la que se asigna la tarea.',

  'problem.CONSULTATION_TRANSITION_NOT_ALLOWED':
    'La consulta no puede pasar a este estado desde el actual. Vuelva a cargar la página para ver cómo está.',
  'problem.CONSULTATION_FROZEN':
    'Esta consulta ya se ha abierto: sus preguntas y ajustes ya no se pueden cambiar.',
  'problem.CONSULTATION_NOT_OPEN':
    'Esta consulta no está abierta: solo se aceptan respuestas mientras lo está.',
  'problem.RESPONSE_EXISTS': 'Su organización ya ha respondido. Modifique su respuesta.',
  'problem.TRANSLATION_MISSING': 'Falta un texto en uno de los idiomas de la consulta.',
  'problem.CONSULTATION_INCOMPLETE': 'Añada al menos una pregunta antes de programar la consulta.',
  'problem.NOT_GOVERNMENT': 'Solo las autoridades públicas pueden realizar consultas.',
  'problem.INVALID_SCHEDULE':
    'Revise las fechas: el final debe ser posterior al inicio y no puede haber pasado ya.',
  'problem.UNKNOWN_REFERENCE': 'Una de las organizaciones o de los programas elegidos no se puede usar aquí.',
  'problem.RESPONDING_ORGANIZATION_REQUIRED':
    'Pertenece a varias organizaciones: elija aquella en cuyo nombre responde.',
  'problem.MEETING_NOT_AVAILABLE':
    'Esta reunión está cancelada o ya ha terminado, o la inscripción se ha cerrado.',
  'problem.OUTCOME_NOT_PUBLISHED':
    'Solo un resultado publicado puede hacerse público, y las respuestas libres solo junto con él.',

  'problem.EMPLOYER_NOT_PROGRAMME_PARTNER': 'El empleador no es socio activo de este programa.',
  'problem.PARTICIPANT_NOT_PLACEABLE':
    'Esta persona no fue registrada por este empleador ni en este programa.',
  'problem.ORGANIZATION_CANNOT_DO_THIS':
    'Esta organización no es un empleador. Elija un empleador, o indique el programa.',
  'problem.PLACEMENT_ALREADY_ENDED':
    'Esta colocación ha terminado: los datos del puesto ya no se pueden cambiar, solo su fecha de inicio.',
  'problem.PLACEMENT_ALREADY_LOGGED':
    'Esta persona ya tiene una colocación con este empleador que empieza en esa fecha.',
  'problem.CHECK_IN_NOT_DUE':
    'Este seguimiento no se puede responder: aún no toca, o ya se respondió o se canceló.',
  'problem.PARTICIPANT_ERASED': 'El expediente de esta persona se ha borrado.',
  'problem.INVALID_PLACEMENT_DATE':
    'Revise esta fecha: una fecha de inicio no puede estar a más de doce meses vista ni ser posterior a la fecha de fin; una fecha de fin o de salida debe estar entre la fecha de inicio y hoy.',
  'problem.IMPORT_NOT_CSV':
    'El archivo debe ser un archivo de texto CSV (UTF-8, separado por comas). Descargue la plantilla para ver el formato.',
  'problem.IMPORT_TOO_LARGE':
    'El archivo es demasiado grande para una sola importación. Divídalo en archivos más pequeños.',

  'problem.REPORT_NOT_READY': 'Este informe no está listo, o ha fallado. Descárguelo cuando esté terminado.',
  'problem.REPORT_EXPIRED': 'El archivo de este informe ha caducado. Vuelva a pedir el informe.',
  'problem.RECIPIENT_NOT_ALLOWED': 'Este destinatario no puede ver lo que muestra el informe.',

  'problem.WEBHOOK_DESTINATION_NOT_ALLOWED':
    'No se pueden enviar notificaciones a esta dirección. Use una dirección pública https://.',

  'problem.GOOD_IDEA_TRANSITION_NOT_ALLOWED':
    'Esta idea no puede pasar a esa etapa desde la actual. Vuelva a cargar la página para ver cómo está.',
  'problem.GOOD_IDEA_NOT_EDITABLE':
    'Esta idea solo se puede editar mientras es un borrador o después de ser devuelta.',
  'problem.GOOD_IDEA_NOT_PUBLISHED': 'Solo las ideas publicadas se pueden apoyar o adaptar.',
  'problem.GOOD_IDEA_ALREADY_ENDORSED': 'Su organización ya apoya esta idea.',
  'problem.GOOD_IDEA_TEXT_INCOMPLETE':
    'Antes de enviarla, indique un título, un resumen, el reto y el enfoque en al menos un idioma.',
  'problem.GOOD_IDEA_ASSESSMENT_INCOMPLETE':
    'Antes de publicarla, dé a cada criterio una puntuación y una justificación.',
  'problem.GOOD_IDEA_OWN_ORGANIZATION': 'Una organización no puede apoyar su propia idea.',
  'problem.GOOD_IDEA_PROGRAMME_NOT_LED': 'Elija un programa que lidere su organización.',

  'problem.TERRITORY_EXISTS': 'Ya existe un territorio con este código.',
  'problem.TERRITORY_PARENT_UNKNOWN': 'Añada primero el territorio más amplio al que pertenece este.',
  'problem.OBSERVATION_IMPORT_NOT_CSV':
    'El archivo debe ser un archivo CSV legible (texto, separado por comas).',
  'problem.OBSERVATION_IMPORT_INVALID':
    'El archivo no se puede importar. Revise los títulos de sus columnas y su número de filas.',
};

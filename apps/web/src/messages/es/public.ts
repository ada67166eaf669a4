import type { publicPages as en } from '../en/public';

export const publicPages: Record<keyof typeof en, string> = {
  'public.outcome.title': 'Página pública',
  'public.outcome.intro':
    'Cualquiera puede leer un resultado público sin iniciar sesión: título, fechas, a quién se invitó por tipo, cuántos participaron, los resultados con todas las reglas de anonimato aplicadas y sus decisiones.',
  'public.outcome.isPublic': 'Este resultado es público.',
  'public.outcome.isPrivate': 'Solo las organizaciones invitadas ven este resultado.',
  'public.outcome.freeTexts':
    'Mostrar también las respuestas escritas (solo donde al menos {n} organizaciones escribieron una)',
  'public.outcome.publish': 'Hacer público',
  'public.outcome.save': 'Guardar',
  'public.outcome.withdraw': 'Retirar de la página pública',
  'public.outcome.view': 'Abrir la página pública',
};

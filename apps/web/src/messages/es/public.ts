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
  'public.listing.intro':
    'Un programa publicado aparece en la página pública de su ciudad mientras está activo, y cualquiera puede leerlo sin iniciar sesión: su título, dimensiones, socios por tipo y etiquetas ODS/PMM. Las tareas, los indicadores y los nombres de los socios siguen siendo privados.',
  'public.listing.switch': 'Mostrar en la página pública de la ciudad',
  'public.listing.isListed': 'Este programa aparece en la página pública de la ciudad.',
  'public.listing.isListedInactive':
    'Este programa está publicado; aparecerá en la página pública de la ciudad mientras esté activo.',
  'public.listing.isUnlisted': 'Solo los socios ven este programa.',
  'public.listing.confirmTitle': '¿Mostrar «{title}» en la página pública?',
  'public.listing.confirmBody':
    'Cualquiera podrá leer su título, dimensiones, socios por tipo y etiquetas ODS/PMM en la página pública de la ciudad, sin iniciar sesión. Puede retirarlo en cualquier momento.',
  'public.listing.confirm': 'Mostrar públicamente',
};

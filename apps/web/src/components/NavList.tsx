import { ReactNode } from 'react';
import { Link, NavLink } from 'react-router-dom';

/** One entry of a navigation list. */
export interface NavItem {
  to: string;
  label: ReactNode;
  /** Only the exact path is the current page (the home page, which every path starts with). */
  end?: boolean;
}

/**
 * A navigation landmark's list of links; a `false` item (an entry the user may not use) is left out.
 * The main menu marks the current page (`NavLink`, `aria-current="page"`); a sub-menu whose page has
 * its own heading uses plain links.
 */
export function NavList({ items, current = true }: { items: (NavItem | false)[]; current?: boolean }) {
  return (
    <ul>
      {items
        .filter((item): item is NavItem => item !== false)
        .map(({ to, label, end }) => (
          <li key={to}>
            {current ? (
              <NavLink to={to} end={end}>
                {label}
              </NavLink>
            ) : (
              <Link to={to}>{label}</Link>
            )}
          </li>
        ))}
    </ul>
  );
}

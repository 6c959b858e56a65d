"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import styles from "./console.module.css";

export type NavItem = { href: string; label: string };

/** The nav item a path belongs to: the longest href that is the path or a parent of it ("/" only for itself). */
export function activeHref(pathname: string, items: readonly NavItem[]): string | null {
  let best: string | null = null;
  for (const { href } of items) {
    const isMatch = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
    if (isMatch && (best === null || href.length > best.length)) best = href;
  }
  return best;
}

/**
 * The main navigation: the current section marked (aria-current), and behind a disclosure button
 * on narrow screens (the CSS shows the button and hides the list below 900 px unless it is open).
 */
export function ConsoleNav({ items, search }: { items: NavItem[]; search: ReactNode }) {
  const pathname = usePathname();
  const [isOpen, setIsOpen] = useState(false);
  // A followed link closes the menu, so the page it opened is what the reader sees.
  useEffect(() => setIsOpen(false), [pathname]);
  const current = activeHref(pathname, items);
  return (
    <>
      <button
        type="button"
        className={`secondary ${styles.menuButton}`}
        aria-expanded={isOpen}
        aria-controls="console-nav"
        onClick={() => setIsOpen((open) => !open)}
      >
        Menu
      </button>
      <div id="console-nav" className={styles.navPanel} data-open={isOpen ? "true" : "false"}>
        {search}
        <nav className={styles.nav} aria-label="Main">
          <ul>
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={item.href === current ? "page" : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </>
  );
}

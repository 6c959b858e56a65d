"use client";

import { useEffect, useRef } from "react";

/** Keys typed into these never move focus to the search box. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The top bar's search: a plain GET form to /search (works without JavaScript; the results page
 * jumps straight to the one match), focused by "/" from anywhere on the page.
 */
export function SearchBox({ className, maxLength }: { className?: string; maxLength: number }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <form role="search" aria-label="Inventory" action="/search" method="get" className={className}>
      <input
        ref={input}
        type="search"
        name="q"
        aria-label="Find an account, person, group, permission set or role"
        placeholder="Account, email, ARN, role…  ( / )"
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        required
      />
      <button type="submit">Go</button>
    </form>
  );
}

/**
 * Focus after an in-app navigation. A single-page app does not load a new page, so a screen
 * reader would hear nothing and keyboard focus would stay on the link just used: after each
 * route change, focus moves to the new page's `h1` (the main region holds it while the page
 * loads). The
 * page a visit starts on (a redirect on arrival included, and a reload) keeps the browser's own
 * focus, so the skip link stays the first stop of the keyboard.
 */
import { useEffect, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** The location the visit's first page was drawn at; shared by every layout. */
let firstLocationKey: string | undefined;

export function useRouteFocus(main: RefObject<HTMLElement | null>): void {
  const location = useLocation();
  useEffect(() => {
    firstLocationKey ??= location.key;
    if (location.key === firstLocationKey) return;
    const region = main.current;
    if (region === null) return;
    const heading = region.querySelector<HTMLElement>('h1');
    if (heading !== null) {
      heading.focus();
      return;
    }
    // The page is still loading: hold focus on the main region, then hand it to the heading
    // when it appears, unless the person has moved on by then.
    region.focus();
    const observer = new MutationObserver(() => {
      const late = region.querySelector<HTMLElement>('h1');
      if (late === null) return;
      observer.disconnect();
      if (document.activeElement === region) late.focus();
    });
    observer.observe(region, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
    };
  }, [location.key, main]);
}

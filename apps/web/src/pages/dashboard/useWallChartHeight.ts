import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

// A default card: its head (56 px), its body's padding (2 × 24 px) and borders.
const CARD_CHROME = 106;
const ROW_GAP = 16;
const WALL_PADDING = 24;

/**
 * The height each chart gets on the wall screen so that two rows of cards end at the bottom of
 * the viewport, measured from where the charts begin (once they are drawn); follows the window.
 */
export function useWallChartHeight(wall: boolean, ready: boolean): [RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [viewport, setViewport] = useState(() => window.innerHeight);
  useLayoutEffect(() => {
    if (wall && ref.current) setTop(ref.current.getBoundingClientRect().top);
  }, [wall, ready, viewport]);
  useEffect(() => {
    if (!wall) return;
    // The wall covers the page: the menu and page behind it must not put a scrollbar on the screen.
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = 'hidden';
    const onResize = () => setViewport(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      root.style.overflow = overflow;
    };
  }, [wall]);
  const height = Math.floor((viewport - top - WALL_PADDING - ROW_GAP) / 2) - CARD_CHROME;
  return [ref, Math.max(140, height)];
}

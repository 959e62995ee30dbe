/**
 * A chart drawn by Observable Plot, which is loaded only when a page first shows a chart
 * (it is most of the dashboard's weight; sign-in does without it). The chart is a picture
 * of a table that stands beside it: the SVG is hidden from assistive technology and the
 * figure points at the table (aria-describedby). Plot's own <style> element is removed:
 * the collector's CSP allows no inline styles, and admin.css carries the same rules.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLanguage } from '../context';

export type PlotModule = typeof import('@observablehq/plot');

let plotModule: Promise<PlotModule> | undefined;

export function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('@observablehq/plot');
  plotModule.catch(() => {
    plotModule = undefined;
  });
  return plotModule;
}

export function PlotFigure(props: {
  /** Draws the chart at a width in CSS pixels. */
  draw: (Plot: PlotModule, width: number) => SVGSVGElement | HTMLElement;
  /** The id of the table that says in numbers what the chart shows. */
  describedBy: string;
  /** What the chart is, for a screen reader: "Chart of the answers; the numbers are in the table." */
  label: string;
  class?: string;
}) {
  const { t } = useLanguage();
  const holder = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [failed, setFailed] = useState(false);
  const { draw } = props;

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.floor(entry?.contentRect.width ?? 0);
      setWidth((previous) => (Math.abs(previous - next) > 8 ? next : previous));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = holder.current;
    if (!element || width === 0) return;
    let current = true;
    loadPlot().then(
      (Plot) => {
        if (!current) return;
        const chart = draw(Plot, width);
        for (const style of chart.querySelectorAll('style')) style.remove();
        chart.setAttribute('aria-hidden', 'true');
        element.replaceChildren(chart);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [draw, width]);

  return (
    <figure class={`chart ${props.class ?? ''}`} aria-describedby={props.describedBy}>
      <figcaption class="visually-hidden">{props.label}</figcaption>
      <div ref={holder} class="chart-canvas" />
      {failed ? <p class="muted">{t('charts.failed')}</p> : null}
    </figure>
  );
}

// A data table wider than a phone scrolls sideways inside this named region rather than the whole
// page (data tables are exempt from reflow, WCAG 1.4.10), as the charts' tables do
// (charts/chart-frame.tsx). The box takes focus so that it can be scrolled from the keyboard; it is
// a named group, not a landmark, so it never repeats the name of the section around it.
import type { ReactNode } from "react";

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

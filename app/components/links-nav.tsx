// A named navigation landmark holding a list of links: the footer's links, a page's breadcrumbs.
import { Link } from "@remix-run/react";

export function LinksNav({
  label,
  className,
  ordered,
  listClassName,
  links,
}: {
  /** Names the landmark ("Breadcrumb", "Site information"). */
  label: string;
  className?: string;
  /** An ordered list (a trail of pages) rather than a plain one. */
  ordered?: boolean;
  listClassName?: string;
  links: readonly { to: string; label: string }[];
}) {
  const List = ordered ? "ol" : "ul";
  return (
    <nav aria-label={label} className={className}>
      <List className={listClassName}>
        {links.map((link) => (
          <li key={link.label}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
      </List>
    </nav>
  );
}

/** The trail of pages above this one (the outcomes dashboard, a nation, a region), first to last. */
export function Breadcrumbs({ crumbs }: { crumbs: readonly { label: string; href: string }[] }) {
  const links = crumbs.map((crumb) => ({ to: crumb.href, label: crumb.label }));
  return <LinksNav label="Breadcrumb" className="breadcrumbs" ordered links={links} />;
}

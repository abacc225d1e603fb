// Previous / "page / pages" / next under a paged list. The links keep the list's filters:
// `${basePath}?filter=…&page=N`, with the parameters in the order given and page last.
import Link from "next/link";

export type PageParams = Record<string, string | undefined>;

/** `basePath?…params&page=N`; undefined parameters are left out, empty strings kept. */
export function pageHref(basePath: string, params: PageParams, page: number): string {
  const defined = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== "page");
  return `${basePath}?${new URLSearchParams([...defined, ["page", String(page)]])}`;
}

export interface PaginationLinks {
  page: number;
  pages: number;
  previous: string | null;
  next: string | null;
}

/** What the pagination shows, or null for a list that fits on one page. */
export function paginationLinks({ page, pages, basePath, params = {} }: { page: number; pages: number; basePath: string; params?: PageParams }): PaginationLinks | null {
  if (pages <= 1) return null;
  return {
    page,
    pages,
    previous: page > 1 ? pageHref(basePath, params, Math.min(page - 1, pages)) : null,
    next: page < pages ? pageHref(basePath, params, page + 1) : null,
  };
}

export function Pagination({
  page,
  pages,
  basePath,
  params,
  labels,
  "data-testid": testId,
}: {
  page: number;
  pages: number;
  basePath: string;
  params?: PageParams;
  /** From the dictionary the page uses (dict.admin, dict.card: 前へ / 次へ). */
  labels: { previous: string; next: string };
  "data-testid"?: string;
}) {
  const links = paginationLinks({ page, pages, basePath, params });
  if (!links) return null;
  return (
    <nav className="flex items-center justify-between text-sm" aria-label="pagination" data-testid={testId}>
      {links.previous ? (
        <Link href={links.previous} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <span>
        {links.page} / {links.pages}
      </span>
      {links.next ? (
        <Link href={links.next} className="text-brand-700 underline">
          {labels.next}
          <span aria-hidden="true"> →</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

package org.almoner.platform.pages;

/**
 * Where a page of rows is in the whole selection, for the previous and next links.
 *
 * @param page      this page, from 0
 * @param pageCount pages in all (at least 1)
 * @param first     the first row shown, from 1 (0 when there are none)
 * @param last      the last row shown
 * @param total     rows in all
 */
record Paging(int page, int pageCount, long first, long last, long total) {

    static Paging of(int page, int pageSize, long total) {
        int pageCount = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        long first = total == 0 ? 0 : (long) page * pageSize + 1;
        return new Paging(page, pageCount, Math.min(first, total), Math.min((long) (page + 1) * pageSize, total), total);
    }

    // Public, as the accessors are: the templates' expressions call only public methods.
    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pageCount;
    }
}

import { describe, expect, it } from "vitest";
import { boardColumnsHtml, columnViews, orderCardHtml, packColumns, unpackColumns } from "@/components/staff/board-columns-html";
import { escapeHtml } from "@/lib/html";
import type { BoardCard } from "@/lib/production/board";

const card = (over: Partial<BoardCard> = {}): BoardCard => ({
  number: "AT-2026-000042",
  status: "CONFIRMED",
  productName: "Linden sofa",
  customerName: "Clara Customer",
  quantity: 1,
  promisedDate: new Date("2026-12-09T00:00:00Z"),
  holdUntil: null,
  daysLeft: 4,
  risk: "on_track",
  unreadMessages: 0,
  ...over,
});

describe("the board's cards as HTML", () => {
  it("escapes every value from the database", () => {
    const html = orderCardHtml(card({ customerName: `<img src=x onerror="alert(1)">`, productName: "Desk & 'chair'" }));
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("Desk &amp; &#39;chair&#39;");
    expect(escapeHtml(`"><script>`)).toBe("&quot;&gt;&lt;script&gt;");
  });

  it("marks a shipped order past its promise as late, with the badge and the days", () => {
    const html = orderCardHtml(card({ status: "SHIPPED", risk: "late", daysLeft: -3 }));
    expect(html).toContain('data-risk="late"');
    expect(html).toMatch(/>Late<\/span>/);
    expect(html).toContain("3 days late");
    expect(html).toContain('data-to="DELIVERED"');
  });

  it("shows the customer's unread messages as a link to the thread, and nothing when there are none", () => {
    expect(orderCardHtml(card())).not.toContain("unread");
    const html = orderCardHtml(card({ unreadMessages: 2 }));
    expect(html).toContain('href="/staff/orders/AT-2026-000042#messages"');
    expect(html).toContain("2 unread messages");
    expect(orderCardHtml(card({ unreadMessages: 1 }))).toContain("1 unread message<");
  });

  it("gives each card its next step and a cancel button that name the order", () => {
    const html = orderCardHtml(card());
    // The card names the order and its stage once; its buttons say what they do (BoardActions reads both).
    expect(html).toMatch(/^<li [^>]*data-number="AT-2026-000042" data-from="CONFIRMED">/);
    expect(html).toContain('<button data-action="advance" data-to="IN_PRODUCTION" class="bc-go">Start production<span class="sr-only"> AT-2026-000042</span></button>');
    expect(html).toContain('<span class="sr-only"> AT-2026-000042</span>');
    expect(html).toContain('data-action="cancel"');
    expect(orderCardHtml(card({ status: "READY_TO_SHIP" }))).toContain('href="/staff/orders/AT-2026-000042#ship"');
    expect(orderCardHtml(card({ status: "AWAITING_APPROVAL", holdUntil: new Date("2026-12-01T00:00:00Z") }))).toContain('data-decline="1"');
  });

  it("writes a column with its count for screen readers and its page links", () => {
    const html = boardColumnsHtml(
      columnViews(
        { columns: [{ status: "PLACED", count: 21, page: 1, pages: 2, cards: [card({ status: "PLACED" })] }, { status: "CANCELLED", count: 1, page: 1, pages: 1, cards: [] }] },
        (status, page) => `/staff?p_${status}=${page}&q=a"b`,
      ),
    );
    expect(html).toContain('data-testid="column-PLACED"');
    expect(html).toContain('<span class="sr-only">21 orders</span>');
    expect(html).toContain('<span class="sr-only">1 order</span>');
    expect(html).toContain('href="/staff?p_PLACED=2&amp;q=a&quot;b">Next</a>');
    expect(html).toContain("No orders");
    expect(html).not.toContain("Previous</a>");
  });

  it("hands the browser the columns packed, and they unpack to the same board", () => {
    const views = columnViews(
      {
        columns: [
          { status: "AWAITING_APPROVAL", count: 1, page: 1, pages: 1, cards: [card({ status: "AWAITING_APPROVAL", holdUntil: new Date("2026-12-01T10:30:00Z"), unreadMessages: 3 })] },
          { status: "PLACED", count: 41, page: 2, pages: 3, cards: [card({ status: "PLACED", risk: "late", daysLeft: -2, quantity: 4 }), card({ status: "PLACED", number: "AT-2026-000043" })] },
          { status: "CANCELLED", count: 0, page: 1, pages: 1, cards: [] },
        ],
      },
      (status, page) => `/staff?p_${status}=${page}`,
    );
    const packed = packColumns(views);
    expect(unpackColumns(JSON.parse(JSON.stringify(packed)))).toEqual(views);
    expect(boardColumnsHtml(unpackColumns(packed))).toBe(boardColumnsHtml(views));
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(views).length * 0.7);
  });

  it("keeps each card to a few short classes: the board's bytes are mostly its cards", () => {
    const html = orderCardHtml(card({ risk: "late", daysLeft: -2, unreadMessages: 1 }));
    expect(html).toContain('class="bc bc-late"');
    expect(html).toContain('class="bc-flag bc-flag-late">Late</span>');
    expect(html.length).toBeLessThan(950);
    expect(orderCardHtml(card()).length).toBeLessThan(620);
  });
});

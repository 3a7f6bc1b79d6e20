import type { OrderStatus } from "@/lib/generated/prisma/enums";

export type { OrderStatus };

/** The production stages in order (CANCELLED is outside the line). */
export const ORDER_STAGES: OrderStatus[] = [
  "PLACED",
  "CONFIRMED",
  "IN_PRODUCTION",
  "QUALITY_CHECK",
  "READY_TO_SHIP",
  "SHIPPED",
  "DELIVERED",
];

export const STATUS_LABELS: Record<OrderStatus, string> = {
  AWAITING_APPROVAL: "Awaiting approval",
  PLACED: "Placed",
  CONFIRMED: "Confirmed",
  IN_PRODUCTION: "In production",
  QUALITY_CHECK: "Quality check",
  READY_TO_SHIP: "Ready to ship",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};

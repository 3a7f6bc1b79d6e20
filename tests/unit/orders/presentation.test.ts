import { describe, expect, it } from "vitest";
import { countryName, customerMustAskToCancel, isOrderOpen, shopContactEmail } from "@/lib/orders/presentation";

describe("how an order reads to its customer", () => {
  it("shows the country's name, not its code", () => {
    expect(countryName("AT")).toBe("Austria");
    expect(countryName("de")).toBe("Germany");
    expect(countryName("GB")).toBe("United Kingdom");
    expect(countryName("Österreich")).toBe("Österreich");
  });

  it("names the shop's contact address", () => {
    expect(shopContactEmail({ SHOP_CONTACT_EMAIL: "help@shop.example" })).toBe("help@shop.example");
    expect(shopContactEmail({ SMTP_FROM: "Atelier <orders@shop.example>" })).toBe("orders@shop.example");
    expect(shopContactEmail({})).toBe("orders@atelier.test");
  });

  it("treats cancelled and delivered orders as closed, and production stages as ask-to-cancel", () => {
    expect(isOrderOpen("CANCELLED")).toBe(false);
    expect(isOrderOpen("DELIVERED")).toBe(false);
    expect(isOrderOpen("SHIPPED")).toBe(true);
    expect(customerMustAskToCancel("IN_PRODUCTION")).toBe(true);
    expect(customerMustAskToCancel("CONFIRMED")).toBe(false);
    expect(customerMustAskToCancel("SHIPPED")).toBe(false);
  });
});

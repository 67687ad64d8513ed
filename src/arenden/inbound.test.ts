import { describe, expect, it } from "vitest";
import { checkInboundMessage, InboundFormatError, inboundMessagesOf, maxInboundMessages } from "./inbound.ts";

const komplettering = {
  messageId: "FK-2026-000123",
  type: "KOMPLT",
  certificateId: "8a4e2b8e-2f49-4a8e-9d3f-1c2b3d4e5f60",
  personnummer: "19900312-2398",
  receivedDate: "2026-11-12",
  lastAnswerDate: "2026-11-26",
  questionFields: ["35", "17", "35"],
  text: "  Beskriv funktionsnedsättningen mer konkret.  ",
};

const reasonsOf = (value: unknown) => {
  const check = checkInboundMessage(value);
  return check.ok ? [] : check.reasons;
};

describe("the inbound FK message format", () => {
  it("accepts a komplettering and normalizes personnummer, question fields and text", () => {
    const check = checkInboundMessage(komplettering);
    expect(check).toEqual({
      ok: true,
      message: {
        ...komplettering,
        personnummer: "199003122398",
        questionFields: ["35", "17"],
        text: "Beskriv funktionsnedsättningen mer konkret.",
      },
    });
  });

  it("lets other types come without certificate, deadline or question fields, and ignores extra fields", () => {
    const check = checkInboundMessage({
      messageId: "FK-1",
      type: "AVSTMN",
      certificateId: null,
      personnummer: "199003122398",
      receivedDate: "2026-11-12",
      lastAnswerDate: null,
      text: "Avstämningsmöte 2026-12-01 kl. 10.",
      unitId: "SE2321000016-1234",
      channel: "national",
    });
    expect(check.ok && check.message).toMatchObject({
      certificateId: null,
      questionFields: [],
      unitId: "SE2321000016-1234",
    });
    expect(check.ok && "channel" in check.message).toBe(false);
  });

  it("gives a reason per problem, naming the field", () => {
    expect(
      reasonsOf({
        messageId: " ",
        type: "KOMPLETTERING",
        certificateId: "abc",
        personnummer: "19900312-2399",
        receivedDate: "12/11/2026",
        lastAnswerDate: "2026-11-31",
        questionFields: ["35", "99"],
        text: 7,
      }),
    ).toEqual([
      "messageId: Meddelande-id saknas.",
      "type: Okänd typ av ärende: ange KOMPLT, AVSTMN, KONTKT, OVRIGT, PAMINN.",
      "certificateId: Ogiltigt intygs-id.",
      "personnummer: Ogiltigt personnummer eller samordningsnummer. Ange ÅÅÅÅMMDD-NNNN.",
      "receivedDate: Ange mottagningsdatum som ÅÅÅÅ-MM-DD.",
      "lastAnswerDate: Ange sista svarsdatum som ÅÅÅÅ-MM-DD.",
      "questionFields.1: Okänt frågeområde i intyget: 99.",
      "text: Texten ska vara en sträng.",
    ]);
  });

  it("requires a komplettering to name its certificate and questions, and the deadline to follow receipt", () => {
    const check = checkInboundMessage({
      ...komplettering,
      certificateId: null,
      questionFields: [],
      lastAnswerDate: "2026-11-01",
    });
    expect(check).toEqual({
      ok: false,
      messageId: "FK-2026-000123",
      reasons: [
        "certificateId: En komplettering gäller ett intyg: intygs-id saknas.",
        "questionFields: Ange vilka frågor i intyget kompletteringen gäller.",
        "lastAnswerDate: Sista svarsdatum kan inte vara före mottagningsdatum.",
      ],
    });
  });

  it("reads one message or a list, and refuses what is neither", () => {
    expect(inboundMessagesOf(JSON.stringify(komplettering))).toEqual([komplettering]);
    expect(inboundMessagesOf(JSON.stringify([komplettering, komplettering]))).toHaveLength(2);
    const refusal = (text: string) => {
      try {
        inboundMessagesOf(text);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(InboundFormatError);
        return (error as Error).message;
      }
    };
    expect(refusal("  ")).toBe("Filen är tom.");
    expect(refusal("{ not json")).toBe("Filen är inte giltig JSON.");
    expect(refusal("[]")).toBe("Filen innehåller inga meddelanden.");
    expect(refusal('["KOMPLT"]')).toMatch(/ett meddelande eller en lista/);
    expect(refusal("42")).toMatch(/ett meddelande eller en lista/);
    expect(refusal(JSON.stringify(Array(maxInboundMessages + 1).fill(komplettering)))).toMatch(/fler än 500/);
  });
});

/**
 * Försäkringskassan's question, shown to the doctor where it is answered: on the certificate it
 * concerns and in the completing draft. The fields it concerns are listed (links into the editor)
 * and, in the editor, marked with an outline and a label so they are found while writing.
 */
import { Alert, Anchor, List, Text } from "@mantine/core";
import { usePatientArenden, type Arende } from "../api/arenden.ts";
import { anchorId } from "../certificates/fields.tsx";
import { dateLabel } from "../format.ts";

const texts = {
  title: "Försäkringskassan begär komplettering",
  received: (a: Arende) =>
    `Mottagen ${dateLabel(a.receivedDate)}` +
    (a.lastAnswerDate ? `, svara senast ${dateLabel(a.lastAnswerDate)}.` : "."),
  question: "Försäkringskassans fråga:",
  noText: "Försäkringskassan skrev ingen fritext.",
  fields: "Frågan gäller:",
  field: (f: { id: string; label: string }) => `Fråga ${f.id}: ${f.label}`,
  marked: "De berörda frågorna är markerade i intyget nedan.",
};

/** Open kompletteringar on `certificateId`; `inEditor` links and marks the fields of the form. */
export function KompletteringQuestion(props: {
  patientId: string;
  certificateId: string | null;
  inEditor: boolean;
}) {
  const arenden = usePatientArenden(props.patientId);
  const open = (arenden.data ?? []).filter(
    (a) => a.type === "KOMPLT" && a.status === "OPEN" && a.certificateId === props.certificateId,
  );
  if (props.certificateId === null || open.length === 0) return null;
  const fields = [...new Set(open.flatMap((a) => a.questionFields.map((f) => f.id)))];
  return (
    <>
      {props.inEditor && <style>{markedFieldsCss(fields)}</style>}
      {open.map((a) => (
        <Alert
          key={a.id}
          color="orange"
          variant="outline"
          role="note"
          title={texts.title}
          data-testid="komplettering-fraga"
          styles={{ title: { color: "var(--mantine-color-black)" } }}
        >
          <Text fz="sm" mb="xs">
            {texts.received(a)}
          </Text>
          <Text fw={700}>{texts.question}</Text>
          <Text mb="xs" style={{ whiteSpace: "pre-wrap" }}>
            {a.text || texts.noText}
          </Text>
          <Text fw={700}>{texts.fields}</Text>
          <List>
            {a.questionFields.map((f) => (
              <List.Item key={f.id}>
                {props.inEditor ? (
                  <Anchor href={`#${anchorId(f.id)}`}>{texts.field(f)}</Anchor>
                ) : (
                  texts.field(f)
                )}
              </List.Item>
            ))}
          </List>
          {props.inEditor && (
            <Text fz="sm" mt="xs">
              {texts.marked}
            </Text>
          )}
        </Alert>
      ))}
    </>
  );
}

/** Outline and label the concerned questions (not by colour alone: the label says it). */
function markedFieldsCss(fields: string[]): string {
  return fields
    .map((field) => {
      const selector = `#${anchorId(field)}`;
      return (
        `${selector} { outline: 3px solid var(--mantine-color-orange-9); outline-offset: 4px; }\n` +
        `${selector}::before { content: "Komplettering begärd"; display: block; font-weight: 700; ` +
        `color: var(--mantine-color-orange-9); }`
      );
    })
    .join("\n");
}

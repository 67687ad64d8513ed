/** A form's buttons: submit (busy while the request runs) and cancel. */
import { Button, Group } from "@mantine/core";

const texts = { cancel: "Avbryt" };

export function FormActions(props: {
  /** The submit button's words ("Spara", "Registrera samtycket"). */
  submit: string;
  pending: boolean;
  onCancel: () => void;
  /** A destructive submit (e.g. withdrawing consent). */
  color?: string;
}) {
  return (
    <Group>
      <Button type="submit" loading={props.pending} {...(props.color ? { color: props.color } : {})}>
        {props.submit}
      </Button>
      <Button variant="subtle" onClick={props.onCancel}>
        {texts.cancel}
      </Button>
    </Group>
  );
}

/**
 * The coordinator status in a list row: a select for the rehabkoordinator (saved at once, with the
 * version the row showed; a stale one is refused and the list read again), plain text for others.
 */
import { NativeSelect, Text } from "@mantine/core";
import { coordinatorStatuses } from "../../worklist/rules.ts";
import { isApiError } from "../api/client.ts";
import { useSetCoordinatorStatus, type CoordinatorStatus, type UnitListRow } from "../api/worklist.ts";
import { errorMessage } from "../components/ErrorAlert.tsx";

const texts = {
  label: (row: number) => `Koordinatorstatus, rad ${row}`,
  saving: "Sparar …",
  conflict: "Någon annan ändrade statusen. Listan visar den nu.",
};

const options = Object.entries(coordinatorStatuses).map(([value, label]) => ({ value, label }));

export function CoordinatorStatusCell({
  row,
  number,
  editable,
}: {
  row: UnitListRow;
  number: number;
  editable: boolean;
}) {
  const save = useSetCoordinatorStatus();
  if (!editable) return <>{coordinatorStatuses[row.coordinatorStatus]}</>;
  const shown = save.isPending ? save.variables.status : row.coordinatorStatus;
  return (
    <>
      <NativeSelect
        size="xs"
        aria-label={texts.label(number)}
        value={shown}
        data={options}
        disabled={save.isPending}
        onChange={(e) =>
          save.mutate({
            patientId: row.patientId,
            caseStart: row.start,
            certificateId: row.anchorCertificateId,
            status: e.currentTarget.value as CoordinatorStatus,
            version: row.coordinatorStatusVersion,
          })
        }
        data-coordinator-status={row.coordinatorStatus}
        miw={130}
        // As high as a text line: the row stays compact.
        styles={{ input: { height: 22, minHeight: 22, lineHeight: "20px", paddingBlock: 0 } }}
      />
      {save.isError && (
        <Text role="alert" fz="xs" c="red.9" maw={180}>
          {isApiError(save.error, 409) ? texts.conflict : errorMessage(save.error)}
        </Text>
      )}
    </>
  );
}

/** Användare och uppdrag: users, their assignments (role on a unit), create and assign. */
import { Badge, Button, Group, List, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useDeleteAssignment, useUsers } from "../api/org.ts";
import type { Assignment, User } from "../api/types.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { AssignmentForm } from "./AssignmentForm.tsx";
import { UserForm } from "./UserForm.tsx";
import { PatientDataGrants } from "./PatientDataGrants.tsx";

const texts = {
  title: "Användare och uppdrag",
  introRegion: "Alla användare i regionen och deras medarbetaruppdrag. Ändringar loggas.",
  introUnit: (unit: string) => `Användare med uppdrag på ${unit}. Ändringar loggas.`,
  create: "Ny användare",
  createTitle: "Ny användare",
  assignTitle: (name: string) => `Nytt uppdrag för ${name}`,
  assign: "Lägg till uppdrag",
  assignLabel: (name: string) => `Lägg till uppdrag för ${name}`,
  remove: "Ta bort",
  removeLabel: (a: Assignment, name: string) =>
    `Ta bort uppdraget ${a.roleLabel} på ${a.unitName} för ${name}`,
  filter: "Filtrera på namn eller användarnamn",
  loading: "Hämtar användare …",
  caption: "Användare",
  username: "Användarnamn",
  name: "Namn",
  hsaId: "HSA-id",
  assignments: "Uppdrag",
  actions: "Åtgärder",
  none: "Inga uppdrag",
  self: "Dina egna uppdrag ändras av en annan administratör.",
  noMatch: "Ingen användare matchar filtret.",
  inactive: "Inaktiv",
  locked: "Låst",
  created: (name: string) => `${name} är skapad. Ge hen ett uppdrag på en vårdenhet.`,
  assigned: "Uppdraget är tillagt.",
  removed: "Uppdraget är borttaget.",
};

type Dialog = { kind: "create" } | { kind: "assign"; user: User; note?: string } | null;

export function UsersPage() {
  const me = useSession();
  const users = useUsers();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [filter, setFilter] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const regionWide = can(me, "region.users");

  const visible = (users.data ?? []).filter((user) => matches(user, filter));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <PageTitle title={texts.title} />
        <Button onClick={() => setDialog({ kind: "create" })}>{texts.create}</Button>
      </Group>
      <Text>{regionWide ? texts.introRegion : texts.introUnit(me.unit?.name ?? "")}</Text>
      <TextInput
        label={texts.filter}
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        maw={360}
        type="search"
        autoComplete="off"
      />
      <Text role="status" aria-live="polite">
        {announcement}
      </Text>
      {users.isPending && <Loading label={texts.loading} />}
      {users.isError && <ErrorAlert error={users.error} />}
      {users.data && visible.length === 0 && <Text>{texts.noMatch}</Text>}
      {visible.length > 0 && (
        <UsersTable
          users={visible}
          selfId={me.user.id}
          onAssign={(user) => setDialog({ kind: "assign", user })}
          onRemoved={() => setAnnouncement(texts.removed)}
        />
      )}
      {can(me, "unit.users") && me.unit && <PatientDataGrants />}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.kind === "assign" ? texts.assignTitle(dialog.user.displayName) : texts.createTitle}
        size="lg"
      >
        {dialog?.kind === "create" && (
          <UserForm
            onCancel={() => setDialog(null)}
            onCreated={(user) => {
              setAnnouncement(texts.created(user.displayName));
              setDialog({ kind: "assign", user, note: texts.created(user.displayName) });
            }}
          />
        )}
        {dialog?.kind === "assign" && (
          <AssignmentForm
            user={dialog.user}
            note={dialog.note}
            onCancel={() => setDialog(null)}
            onAssigned={() => {
              setAnnouncement(texts.assigned);
              setDialog(null);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function matches(user: User, filter: string) {
  const needle = filter.trim().toLocaleLowerCase("sv");
  if (!needle) return true;
  return [user.username, user.displayName, user.title].some((value) =>
    value.toLocaleLowerCase("sv").includes(needle),
  );
}

function UsersTable(props: {
  users: User[];
  /** Nobody administers themself: the own row offers no changes. */
  selfId: string;
  onAssign: (user: User) => void;
  onRemoved: () => void;
}) {
  const remove = useDeleteAssignment();
  return (
    <>
      {remove.isError && <ErrorAlert error={remove.error} />}
      <Table.ScrollContainer minWidth={800}>
        <Table striped withTableBorder verticalSpacing="sm">
          <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{texts.username}</Table.Th>
              <Table.Th scope="col">{texts.name}</Table.Th>
              <Table.Th scope="col">{texts.hsaId}</Table.Th>
              <Table.Th scope="col">{texts.assignments}</Table.Th>
              <Table.Th scope="col">{texts.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.users.map((user) => (
              <Table.Tr key={user.id} data-username={user.username}>
                <Table.Td ff="monospace">{user.username}</Table.Td>
                <Table.Td>
                  <Text fw={600} fz="sm">
                    {user.displayName}
                  </Text>
                  {user.title && <Text fz="sm">{user.title}</Text>}
                  <Group gap={4}>
                    {!user.active && <Badge color="gray.7">{texts.inactive}</Badge>}
                    {user.locked && <Badge color="red.9">{texts.locked}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td ff="monospace" fz="xs" style={{ whiteSpace: "nowrap" }}>
                  {user.hsaId ?? "–"}
                </Table.Td>
                <Table.Td>
                  {user.assignments.length === 0 ? (
                    <Text fz="sm">{texts.none}</Text>
                  ) : (
                    <List listStyleType="none" spacing={4} fz="sm">
                      {user.assignments.map((assignment) => (
                        <List.Item key={assignment.id}>
                          <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                            <span>
                              {assignment.roleLabel}, {assignment.unitName}
                            </span>
                            {user.id !== props.selfId && (
                              <Button
                                size="compact-xs"
                                style={{ flexShrink: 0 }}
                                variant="subtle"
                                color="red"
                                c="red.9"
                                aria-label={texts.removeLabel(assignment, user.displayName)}
                                loading={remove.isPending && remove.variables === assignment.id}
                                onClick={() => remove.mutate(assignment.id, { onSuccess: props.onRemoved })}
                              >
                                {texts.remove}
                              </Button>
                            )}
                          </Group>
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
                <Table.Td>
                  {user.id === props.selfId ? (
                    <Text fz="sm">{texts.self}</Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="outline"
                      onClick={() => props.onAssign(user)}
                      aria-label={texts.assignLabel(user.displayName)}
                    >
                      {texts.assign}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

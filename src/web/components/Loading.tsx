/** A loading indicator that screen readers announce. */
import { Group, Loader, Text } from "@mantine/core";

export function Loading({ label = "Laddar …" }: { label?: string }) {
  return (
    <Group gap="sm" role="status" my="md">
      <Loader size="sm" aria-hidden />
      <Text>{label}</Text>
    </Group>
  );
}

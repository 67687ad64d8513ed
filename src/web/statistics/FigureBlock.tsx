/** One figure: its heading, its written definition beside it, and its chart and table. */
import { Box, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useId, type ReactNode } from "react";
import { statisticsDefinitions, type FigureKey } from "../../statistics/definitions.ts";

const texts = { definition: "Definition:" };

export function FigureBlock({
  figure,
  chart,
  children,
}: {
  figure: FigureKey;
  chart?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  const { label, definition } = statisticsDefinitions[figure];
  return (
    <Stack component="section" aria-labelledby={id} gap="xs" data-figure={figure}>
      <Title order={4} id={id}>
        {label}
      </Title>
      <Text fz="sm" c="gray.8" maw={760} data-definition>
        <Text span fw={600} fz="sm">
          {texts.definition}
        </Text>{" "}
        {definition}
      </Text>
      {chart ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Box>{chart}</Box>
          <Box>{children}</Box>
        </SimpleGrid>
      ) : (
        children
      )}
    </Stack>
  );
}
